package org.treatywatch.feed;

import java.util.List;
import java.util.Optional;

/**
 * One kind of source: how a fetched body becomes items, and how to recognise a body of this kind.
 * A new kind is one class and a line in {@link Sources}.
 */
public interface Source {
    /** The name used in feeds.yaml ({@code kind:}) and in storage. */
    String kind();

    /** Whether this body (already decoded) is of this kind. */
    boolean recognises(String body);

    /**
     * The items of a fetched body.
     *
     * @param links the CSS selector of article links (outlet pages only)
     * @param more  fetches a further document a source may refer to (a sitemap index's sitemaps)
     */
    List<FeedItem> items(String body, String url, Optional<String> links, Fetch more) throws FeedParseException;

    /** Fetches a URL and returns its decoded text. */
    @FunctionalInterface
    interface Fetch {
        String get(String url) throws Exception;
    }
}
