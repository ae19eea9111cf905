package org.treatywatch.feed;

import java.time.Instant;
import java.util.Optional;

/** One entry of a feed or outlet page; guid is stable across polls. */
public record FeedItem(String guid, String url, String title, String summary, Optional<Instant> published) {}
