package org.treatywatch.feed;

import java.util.List;
import java.util.Optional;

/** An outlet's HTML page: a CSS selector picks the article links ({@link PageLinkReader}). */
final class PageSource implements Source {
    /** Where news front pages keep their article links, when no selector is given. */
    static final String DEFAULT_LINKS = "article a, h1 a, h2 a, h3 a";

    @Override
    public String kind() {
        return "page";
    }

    @Override
    public boolean recognises(String body) {
        String head = Sources.head(body);
        return head.contains("<html") || head.contains("<!doctype html");
    }

    @Override
    public List<FeedItem> items(String body, String url, Optional<String> links, Fetch more) {
        return PageLinkReader.read(body, url, links.orElse(DEFAULT_LINKS));
    }
}
