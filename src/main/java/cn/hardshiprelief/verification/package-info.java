/** 三查一访: the branch union's household verification (income, property and housing, family members, home visit). */
package cn.hardshiprelief.verification;
