/**
 * The words every feature shares about a household in hardship: its causes (致困原因), its tier (困难类别),
 * its members' relation, health, disability, schooling, employment and housing. Plain enums with their
 * Chinese names; no feature owns them, so enrollment, the register, aid and the campaigns speak alike
 * without importing each other.
 */
package cn.hardshiprelief.vocabulary;
