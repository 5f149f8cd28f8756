/**
 * Disbursement (发放): paying approved grants exactly once through the payment ledger, the day's bank
 * batch per fund, and the bank's result file.
 */
package cn.hardshiprelief.disbursement;
