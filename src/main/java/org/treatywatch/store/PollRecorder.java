package org.treatywatch.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores one poll's new items and their deliveries in a single transaction, so an item is never
 * stored without its outbox rows (or the reverse), whatever happens to the process.
 */
public final class PollRecorder {
    /** An item to store, with the rendered alert for each chat that should get it (empty if none). */
    public record NewItem(StoredItem item, Map<Long, String> deliveries) {}

    private final Db db;

    public PollRecorder(Db db) {
        this.db = db;
    }

    /** Returns how many outbox rows were written. */
    public int record(String feedId, List<NewItem> items, Instant now) {
        return db.tx(c -> {
            Set<Long> digestChats = null;
            int queued = 0;
            boolean any = false;
            for (NewItem n : items) {
                var id = ItemStore.insert(c, n.item());
                if (id.isEmpty()) continue;
                any = true;
                if (!n.item().status().equals(StoredItem.RELEVANT) || n.deliveries().isEmpty()) continue;
                if (digestChats == null) digestChats = ChatStore.digestChats(c);
                for (var e : n.deliveries().entrySet()) {
                    OutboxStore.enqueue(c, id.get(), e.getKey(), e.getValue(), digestChats.contains(e.getKey()));
                    queued++;
                }
            }
            FeedStore.markInitialized(c, feedId, any, now);
            return queued;
        });
    }
}
