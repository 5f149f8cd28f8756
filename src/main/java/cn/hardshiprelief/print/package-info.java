/**
 * Printable sheets: a case's page laid out for paper (登记审批表, 审批单) and the same Thymeleaf template rendered as
 * PDF, with a Chinese font that comes with the build.
 */
package cn.hardshiprelief.print;
