/** The glue between enrollment and the {@code hardshipEnrollment} process: ids, start, listeners, delegates. */
package cn.hardshiprelief.enrollment.process;
