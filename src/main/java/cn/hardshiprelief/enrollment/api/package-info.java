/** The JSON API for integrations (OpenAPI at /v3/api-docs): the same services and checks as the pages. */
package cn.hardshiprelief.enrollment.api;
