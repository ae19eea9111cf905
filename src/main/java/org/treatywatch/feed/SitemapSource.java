package org.treatywatch.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A news sitemap ({@code <urlset>} with {@code <news:news>}: title, publication date) or a sitemap
 * index, whose newest few sitemaps are read. Many Arabic and Hebrew outlets publish one and no usable
 * RSS. Each document is streamed by {@link SitemapReader}. An index is followed two levels deep at
 * most, with at most {@link #MAX_FETCHES} sitemaps fetched per poll and none twice (an index that
 * lists itself is read once); a child that cannot be read is skipped with a warning and the others
 * still count, and only an index none of whose sitemaps could be read is an error.
 */
final class SitemapSource implements Source {
    private static final Logger log = LoggerFactory.getLogger(SitemapSource.class);
    /** Newest child sitemaps read from an index, and items kept from one poll. */
    static final int MAX_CHILD_SITEMAPS = 3;
    static final int MAX_ITEMS = 200;
    /** An index, and the indexes it lists; an index listed deeper than that is not followed. */
    static final int MAX_INDEX_LEVELS = 2;
    /** Sitemaps fetched for one poll, however the indexes nest. */
    static final int MAX_FETCHES = 10;

    @Override
    public String kind() {
        return "sitemap";
    }

    @Override
    public boolean recognises(String body) {
        String head = Sources.head(body);
        return head.contains("<urlset") || head.contains("<sitemapindex");
    }

    @Override
    public List<FeedItem> items(String body, String url, Optional<String> links, Fetch more) throws FeedParseException {
        return new Walk(more).read(body, url, 0);
    }

    /** One poll's way through an index and its sitemaps: what was fetched, so nothing is fetched twice. */
    private static final class Walk {
        private final Fetch more;
        private final Set<String> visited = new HashSet<>();
        private int fetches;

        Walk(Fetch more) {
            this.more = more;
        }

        /** level: how many indexes lead to this document (0 for the feed's own URL). */
        List<FeedItem> read(String body, String url, int level) throws FeedParseException {
            visited.add(Urls.canonical(url));
            SitemapReader.Sitemap map = SitemapReader.read(body, url, MAX_ITEMS);
            if (map.cut()) log.warn("sitemap {} lists more than {} URLs; the rest are not read", url, SitemapReader.MAX_URLS);
            if (map.index()) return fromIndex(map, url, level + 1);
            List<FeedItem> items = new ArrayList<>();
            for (SitemapReader.Entry e : map.entries()) {
                Optional<String> loc = Urls.web(e.loc());
                if (loc.isEmpty()) continue;
                String link = Urls.canonical(loc.get());
                items.add(new FeedItem(link, link, e.title(), "", e.date()));
            }
            return items;
        }

        private List<FeedItem> fromIndex(SitemapReader.Sitemap index, String url, int level) throws FeedParseException {
            if (level > MAX_INDEX_LEVELS) {
                log.warn("sitemap index {} is listed {} indexes deep; not followed", url, level - 1);
                return List.of();
            }
            List<FeedItem> items = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            int tried = 0;
            for (SitemapReader.Entry m : index.entries()) {
                if (tried == MAX_CHILD_SITEMAPS) break;
                Optional<String> loc = Urls.web(m.loc());
                if (loc.isEmpty() || !visited.add(Urls.canonical(loc.get()))) continue; // itself, or read already this poll
                if (fetches == MAX_FETCHES) {
                    log.warn("sitemap index {}: {} sitemaps fetched for this poll already; the rest are not", url, MAX_FETCHES);
                    break;
                }
                tried++;
                fetches++;
                try {
                    String child = more.get(loc.get());
                    if (child == null || child.isBlank()) throw new FeedParseException("empty answer", null);
                    items.addAll(read(child, loc.get(), level));
                } catch (Exception e) {
                    String why = loc.get() + ": " + e.getMessage();
                    failures.add(why);
                    log.warn("sitemap index {}: sitemap {} skipped", url, why);
                }
            }
            if (items.isEmpty() && !failures.isEmpty()) {
                throw new FeedParseException("sitemap index " + url + ": none of its sitemaps could be read (" + failures.get(0) + ")", null);
            }
            items.sort(Comparator.comparing((FeedItem i) -> i.published().orElse(Instant.EPOCH)).reversed());
            return items.size() > MAX_ITEMS ? List.copyOf(items.subList(0, MAX_ITEMS)) : items;
        }
    }
}
