/**
 * Residents' identity numbers (居民身份证号, GB 11643-1999): parsing and validation, masking for display, and encryption at rest.
 */
package cn.hardshiprelief.person;
