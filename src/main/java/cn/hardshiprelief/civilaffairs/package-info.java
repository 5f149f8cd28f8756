/**
 * Civil-affairs matching (民政数据比对), the roster side: union staff import the civil-affairs bureau's roster of
 * households on dibao, near-dibao and extreme-poverty support, and enrollment matches household members against it.
 */
package cn.hardshiprelief.civilaffairs;
