/**
 * treatywatch: watches Hebrew and Arabic news for the Russia–Iran treaty and alerts on Telegram.
 * {@link org.treatywatch.App} is the entry point, {@link org.treatywatch.service.Service} wires the parts.
 */
package org.treatywatch;
