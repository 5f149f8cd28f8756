/** Organisation units (companies, departments, unions), people and the roles they hold. */
package cn.hardshiprelief.organization;
