/** The glue of the {@code annualSurvey} process: open the year's survey, record each branch union's submission, close it. */
package cn.hardshiprelief.survey.process;
