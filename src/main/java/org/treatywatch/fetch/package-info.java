/**
 * Getting bytes politely and safely: one HTTP fetcher for feeds and pages (timeouts, size cap,
 * redirects, conditional GET, compression), the SSRF guard, charset decoding and poll backoff.
 */
package org.treatywatch.fetch;
