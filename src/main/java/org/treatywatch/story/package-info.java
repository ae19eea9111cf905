/**
 * Stories: the same article seen twice (same URL or near-identical text) and the same event
 * reported by several outlets in either language become one story, so a chat gets one alert.
 */
package org.treatywatch.story;
