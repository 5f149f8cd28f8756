/**
 * Camunda sees our people: a read-only identity provider over the application's user and group
 * tables, the shared login for Cockpit, Tasklist, Admin and /engine-rest, and the engine's
 * authorizations for them.
 */
package cn.hardshiprelief.security.camunda;
