/**
 * Turns fetched feeds (RSS, Atom via Rome), outlet pages (Jsoup with a CSS selector) and news
 * sitemaps (streamed) into {@link org.treatywatch.feed.FeedItem}s with stable ids and canonical URLs.
 */
package org.treatywatch.feed;
