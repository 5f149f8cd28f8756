/**
 * Aid (帮扶救助) for households on file: the catalogue of kinds, standards and caps from DMN, requests
 * with their duplicate, cap and fund checks, and approval by amount.
 */
package cn.hardshiprelief.aid;
