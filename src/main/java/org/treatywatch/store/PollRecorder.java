package org.treatywatch.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
     * Where a relevant item goes: an existing story, or a new one described by {@code story}; with the
     * item's text fingerprint and outlet name for later matching and "also reported by".
     */
    public record Placement(Optional<Long> existingStory, StoryStore.StoryRow story, long simhash, String outlet) {}

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
        return db.txRetrying(c -> {
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
                    Placement p = n.placement();
                    storyId = p.existingStory().isPresent() ? p.existingStory().get() : StoryStore.create(c, p.story(), now);
                    StoryStore.touch(c, storyId, now);
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
