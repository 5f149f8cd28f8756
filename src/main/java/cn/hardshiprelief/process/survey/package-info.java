/** {@code annualSurvey}: starting this year's survey and its delegates. */
package cn.hardshiprelief.process.survey;
