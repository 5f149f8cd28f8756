/** Demo households on the register, so aid and campaigns can be tried at once. */
package cn.hardshiprelief.demo;
