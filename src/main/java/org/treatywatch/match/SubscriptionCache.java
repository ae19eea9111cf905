package org.treatywatch.match;

import java.time.Instant;
import org.treatywatch.store.ChatStore;

/**
 * The current {@link SubscriptionIndex}, rebuilt from the database only when subscriptions or
 * chats changed, or when a mute ends.
 */
public final class SubscriptionCache {
    private record Built(long version, Instant validUntil, SubscriptionIndex index) {}

    private final ChatStore chats;
    private volatile Built built;

    public SubscriptionCache(ChatStore chats) {
        this.chats = chats;
    }

    public SubscriptionIndex current(Instant now) {
        Built b = built;
        long version = chats.version();
        if (b == null || b.version != version || !now.isBefore(b.validUntil)) {
            synchronized (this) {
                b = built;
                if (b == null || b.version != version || !now.isBefore(b.validUntil)) {
                    ChatStore.Active active = chats.activeSubscriptions(now);
                    b = new Built(version, active.validUntil(), new SubscriptionIndex(active.subscriptions()));
                    built = b;
                }
            }
        }
        return b.index;
    }
}
