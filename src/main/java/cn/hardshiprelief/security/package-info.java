/** Login, roles and the current actor for pages, the API and the Camunda webapps. */
package cn.hardshiprelief.security;
