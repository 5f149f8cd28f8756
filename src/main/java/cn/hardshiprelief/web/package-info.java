/** The web frame: layout, home page, language, error pages and the clock. */
package cn.hardshiprelief.web;
