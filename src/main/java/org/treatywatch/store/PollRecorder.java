package org.treatywatch.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.treatywatch.story.StoryKey;

/**
 * Stores one poll's new items and their deliveries in a single transaction, so an item is never
 * stored without its outbox rows (or the reverse), whatever happens to the process.
 */
public final class PollRecorder {
    /**
     * An item to store, with the rendered alert for each chat that should get it (empty if none) and,
     * for chats whose subscription is in a forum topic, that topic.
     */
    public record NewItem(StoredItem item, Map<Long, String> deliveries, Placement placement, Map<Long, Long> threads) {
        public NewItem(StoredItem item, Map<Long, String> deliveries) {
            this(item, deliveries, null, Map.of());
        }

        public NewItem(StoredItem item, Map<Long, String> deliveries, Placement placement) {
            this(item, deliveries, placement, Map.of());
        }
    }

    /**
     * A relevant item's story facts ({@code key}, matched when the poll is recorded), the story it
     * starts if it matches none, and its outlet's name for "also reported by".
     */
    public record Placement(StoryKey key, StoryStore.StoryRow story, String outlet) {
        public long simhash() {
            return key.simhash();
        }
    }

    /** Sent alerts are edited at most this often, and only while this young. */
    public static final int MAX_EDITS = 3;
    public static final java.time.Duration EDIT_WINDOW = java.time.Duration.ofHours(48);

    private final Db db;

    public PollRecorder(Db db) {
        this.db = db;
    }

    /**
     * The feed's state after a successful fetch, stored with its items, with the guids of every item
     * the feed lists now (null if not known): retention keeps what a feed still lists.
     */
    public record FeedState(String etag, String lastModified, java.time.Duration interval, java.util.Collection<String> listed) {
        public FeedState(String etag, String lastModified, java.time.Duration interval) {
            this(etag, lastModified, interval, null);
        }
    }

    /** Returns how many outbox rows were written. */
    public int record(String feedId, List<NewItem> items, Instant now) {
        return record(feedId, items, now, null);
    }

    /**
     * Stores the items new to the feed (one lookup for all of them, plain ones inserted in one batch)
     * and, if given, the feed's fetch state, in one transaction: one commit per poll.
     */
    public int record(String feedId, List<NewItem> items, Instant now, FeedState state) {
        if (items.stream().noneMatch(n -> n.placement() != null)) return recordNow(feedId, items, now, state);
        // One poll places its items at a time, against everything recorded before: two polls of the same
        // event finishing together must not both start a story (PostgreSQL: a table lock, for other instances)
        PLACING.lock();
        try {
            return recordNow(feedId, items, now, state);
        } finally {
            PLACING.unlock();
        }
    }

    private static final ReentrantLock PLACING = new ReentrantLock();

    private int recordNow(String feedId, List<NewItem> items, Instant now, FeedState state) {
        return db.txRetrying(c -> {
            StoryPlacement stories = null;
            Set<Long> digestChats = null;
            int queued = 0;
            boolean any = false;
            // Known to the database, or met earlier in this list (a feed may repeat an item).
            Set<String> seen = new java.util.HashSet<>(ItemStore.knownGuids(c, feedId,
                    items.stream().map(n -> n.item().guid()).toList()));
            List<StoredItem> plain = new java.util.ArrayList<>();
            for (NewItem n : items) {
                if (!seen.add(Sql.clip(n.item().guid(), 1000))) continue;
                any = true;
                if (n.placement() == null && n.deliveries().isEmpty()) {
                    plain.add(n.item());
                    continue;
                }
                ItemStore.insertAll(c, plain, now); // the batch first: items keep the feed's order
                plain.clear();
                Long storyId = null;
                if (n.placement() != null) {
                    if (stories == null) stories = StoryPlacement.load(c, db.isPostgres(), now);
                    storyId = stories.place(c, n.placement(), now);
                }
                long id = ItemStore.insert(c, n.item(), storyId, n.placement(), now);
                if (!n.item().status().equals(StoredItem.RELEVANT) || n.deliveries().isEmpty()) continue;
                if (digestChats == null) digestChats = ChatStore.digestChats(c);
                // One alert per story and chat: a later report edits the alert already sent.
                queued += OutboxStore.queue(c, id, storyId, n.deliveries(), n.threads(), digestChats, now.minus(EDIT_WINDOW), MAX_EDITS);
            }
            ItemStore.insertAll(c, plain, now);
            if (state != null && state.listed() != null) ItemStore.markListed(c, feedId, state.listed(), now);
            FeedStore.markInitialized(c, feedId, any, now);
            if (state != null) FeedStore.recordSuccess(c, feedId, state.etag(), state.lastModified(), now, state.interval());
            return queued;
        });
    }
}
