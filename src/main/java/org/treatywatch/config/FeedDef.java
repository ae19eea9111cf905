package org.treatywatch.config;

import java.time.Duration;
import java.util.Optional;
import org.treatywatch.text.OneLine;

/**
 * One outlet to watch, as feeds.yaml (or an admin) describes it. Its name is one clean line of at
 * most {@value #MAX_NAME_CHARS} characters whatever door it came in by (feeds.yaml, OPML, /addfeed,
 * the database): it is written into alerts, replies, the OPML and feeds.yaml exports.
 */
public record FeedDef(
        String id, String name, String url, Kind kind, String language, Duration interval,
        boolean enabled, Optional<String> links) {
    public static final int MAX_NAME_CHARS = 200;

    public FeedDef {
        name = OneLine.of(name, MAX_NAME_CHARS);
        if (name == null || name.isEmpty()) name = id;
    }

    /** rss (RSS/Atom), page (an outlet page with a link selector), sitemap (a news sitemap or index). */
    public enum Kind {
        RSS, PAGE, SITEMAP;

        /** The name used in feeds.yaml and storage. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
