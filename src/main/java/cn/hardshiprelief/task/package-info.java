/**
 * Task lists (待办) and task forms: the thin facade over Camunda's task service, and the Camunda
 * Forms in {@code forms/} read once to render and to validate submitted values on the server.
 */
package cn.hardshiprelief.task;
