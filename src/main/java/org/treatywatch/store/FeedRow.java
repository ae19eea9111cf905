package org.treatywatch.store;

import java.time.Instant;
import org.treatywatch.config.FeedDef;

/** A feed as stored: its definition, where it came from, and its fetch health. */
public record FeedRow(
        FeedDef def, String origin, boolean paused, String etag, String lastModified, boolean initialized,
        Instant lastSuccess, String lastError, Instant lastErrorAt, int consecutiveFailures, Instant nextPoll,
        Instant lastItemAt) {

    public static final String ORIGIN_YAML = "yaml";
    public static final String ORIGIN_BOT = "bot";

    public String id() {
        return def.id();
    }

    /** The definition as a feed list shows it (exports): a paused feed is listed as disabled. */
    public FeedDef listed() {
        return new FeedDef(def.id(), def.name(), def.url(), def.kind(), def.language(), def.interval(), active(), def.links());
    }

    /** Polled by the scheduler: enabled in its definition and not paused by an admin. */
    public boolean active() {
        return def.enabled() && !paused;
    }
}
