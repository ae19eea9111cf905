package org.treatywatch.match;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.treatywatch.store.Subscription;

/** The naive way: test every subscription. The reference the index is checked and benchmarked against. */
public final class SubscriptionMatcher {
    private SubscriptionMatcher() {}

    /** chat id → language, for every chat with at least one matching subscription. */
    public static Map<Long, String> match(List<Subscription> subscriptions, ItemFacts item) {
        Map<Long, String> chats = new LinkedHashMap<>();
        for (Subscription s : subscriptions) {
            if (chats.containsKey(s.chatId())) continue;
            if (!Subscription.TREATY.equals(s.topic())) continue;
            if (s.filter().isBlank() || KeywordFilter.parse(s.filter()).matches(item)) chats.put(s.chatId(), s.language());
        }
        return chats;
    }
}
