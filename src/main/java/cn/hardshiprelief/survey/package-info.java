/** The annual survey (年度调查摸底, 1 October to 30 November): each branch union re-verifies its files; progress and the yearly exit target. */
package cn.hardshiprelief.survey;
