package org.treatywatch.config;

import java.time.Duration;
import java.util.Optional;

/** One outlet to watch, as feeds.yaml (or an admin) describes it. */
public record FeedDef(
        String id, String name, String url, Kind kind, String language, Duration interval,
        boolean enabled, Optional<String> links) {

    public enum Kind { RSS, PAGE }
}
