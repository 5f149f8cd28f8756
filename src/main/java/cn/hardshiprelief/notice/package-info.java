/** Public notice (公示) of approved households with masked data, and objections to it. */
package cn.hardshiprelief.notice;
