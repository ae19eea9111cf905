/**
 * The Telegram bot at the edge: updates become commands for subscribers and admins, replies come
 * from the templates in the chat's language. May use every other package.
 */
package org.treatywatch.bot;
