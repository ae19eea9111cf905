/**
 * What an alert says: a short extractive summary in the article's own language and the facts
 * the alert is built from. Pure; knows nothing of templates or Telegram.
 */
package org.treatywatch.summarize;
