/** Evidence storage: uploaded documents kept on disk (a directory by default), outside the database rows. */
package cn.hardshiprelief.storage;
