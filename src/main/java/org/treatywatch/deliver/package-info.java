/**
 * From decided alerts to Telegram: templates (Mustache, Telegram HTML, bidi-safe), the renderer,
 * and the sender that drains the outbox.
 */
package org.treatywatch.deliver;
