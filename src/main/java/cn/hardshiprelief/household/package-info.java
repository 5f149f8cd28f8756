/** Household files (建档立卡, one household one file): filing, the register and its search. */
package cn.hardshiprelief.household;
