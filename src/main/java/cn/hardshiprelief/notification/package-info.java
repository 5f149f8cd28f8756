/**
 * Notifications (通知): what arrived for a person — a task, a return, a decision, a reminder — in the application's
 * notification centre and, for those who ask, by e-mail sent from an outbox after the commit.
 */
package cn.hardshiprelief.notification;
