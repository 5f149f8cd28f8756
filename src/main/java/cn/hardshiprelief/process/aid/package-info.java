/** {@code aidGrant}: the aid port's adapter, the approval and receipt listeners, the standards in DMN, the exactly-once disbursement. */
package cn.hardshiprelief.process.aid;
