package org.treatywatch.store;

import java.time.Instant;

/** An item's row: what was seen and what was decided about it. */
public record StoredItem(long id, String feedId, String guid, String url, String title, Instant publishedAt,
                         String language, String status, double score, String evidence) {
    public static final String BASELINE = "baseline";
    public static final String RELEVANT = "relevant";
    public static final String IRRELEVANT = "irrelevant";
}
