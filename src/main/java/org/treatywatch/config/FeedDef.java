package org.treatywatch.config;

import java.time.Duration;
import java.util.Optional;

/** One outlet to watch, as feeds.yaml (or an admin) describes it. */
public record FeedDef(
        String id, String name, String url, Kind kind, String language, Duration interval,
        boolean enabled, Optional<String> links) {

    /** rss (RSS/Atom), page (an outlet page with a link selector), sitemap (a news sitemap or index). */
    public enum Kind {
        RSS, PAGE, SITEMAP;

        /** The name used in feeds.yaml and storage. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
