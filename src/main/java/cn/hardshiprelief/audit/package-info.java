/** Who saw whose personal data: every view of a file, an application, an uploaded document or an unmasked export. */
package cn.hardshiprelief.audit;
