/** Glue between disbursement and the aidGrant process: the disburseGrant delegate. */
package cn.hardshiprelief.disbursement.process;
