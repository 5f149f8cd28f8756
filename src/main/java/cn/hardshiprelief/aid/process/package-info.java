/** Glue between the aid use cases and the {@code aidGrant} process: delegates and listeners. */
package cn.hardshiprelief.aid.process;
