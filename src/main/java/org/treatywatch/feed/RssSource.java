package org.treatywatch.feed;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** RSS 0.9x/1.0/2.0 and Atom, read by Rome ({@link FeedParser}). */
final class RssSource implements Source {
    @Override
    public String kind() {
        return "rss";
    }

    @Override
    public boolean recognises(String body) {
        String head = Sources.head(body);
        return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf");
    }

    @Override
    public List<FeedItem> items(String body, String url, Optional<String> links, Fetch more) throws FeedParseException {
        try {
            return FeedParser.parse(body, url);
        } catch (FeedParseException e) {
            String head = body.stripLeading().toLowerCase(Locale.ROOT);
            if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
                throw new FeedParseException("expected RSS or Atom but got an HTML page", e);
            }
            throw e;
        }
    }
}
