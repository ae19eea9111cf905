/**
 * Turns fetched feeds (RSS, Atom via Rome) and outlet pages (Jsoup with a CSS selector) into
 * {@link org.treatywatch.feed.FeedItem}s with stable ids and canonical URLs.
 */
package org.treatywatch.feed;
