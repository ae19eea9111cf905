package org.treatywatch.bot;

import java.util.List;
import java.util.Optional;
import org.treatywatch.config.FeedDef;
import org.treatywatch.store.FeedRow;

/** What admins can do to feeds through the bot; the service implements it with the store and scheduler. */
public interface FeedAdmin {
    List<FeedRow> feeds();

    /** Validates, fetches once, saves and schedules; throws IllegalArgumentException with the reason. */
    Added addFeed(String url, Optional<String> id, Optional<String> language, Optional<String> interval);

    record Added(FeedDef def, int items) {}
}
