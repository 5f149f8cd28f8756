/** What every feature shares: failures that carry a message key for the user's language. */
package cn.hardshiprelief.shared;
