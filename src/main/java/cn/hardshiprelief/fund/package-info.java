/** The unions' aid funds: yearly budgets by source, and the money reserved and paid from each. */
package cn.hardshiprelief.fund;
