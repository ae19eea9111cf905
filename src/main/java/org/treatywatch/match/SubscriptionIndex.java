package org.treatywatch.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.treatywatch.store.Subscription;

/**
 * Subscriptions indexed by a term they require, in the spirit of a percolator: an item is only
 * tested against the subscriptions keyed by one of its own words or its feed, plus those that
 * require nothing (the whole topic). Cost grows with the matches, not with the subscriptions.
 * Immutable; rebuilt when subscriptions change.
 */
public final class SubscriptionIndex {
    private record Entry(Subscription sub, KeywordFilter filter) {}

    /** Whole-topic subscriptions: every relevant item goes to these chats; copied, not tested. */
    private final Map<Long, String> alwaysChats = new java.util.HashMap<>();
    /** Subscriptions with only excludes: tested against every item. */
    private final List<Entry> always = new ArrayList<>();
    private final Map<String, List<Entry>> byWord = new HashMap<>();
    private final Map<String, List<Entry>> byFeed = new HashMap<>();
    private final int size;

    public SubscriptionIndex(Collection<Subscription> subscriptions) {
        for (Subscription s : subscriptions) {
            if (!Subscription.TREATY.equals(s.topic())) continue;
            KeywordFilter f = KeywordFilter.parse(s.filter());
            Entry e = new Entry(s, f);
            if (!f.include().isEmpty()) {
                // Any required word will do as the key; the longest is usually the rarest.
                String key = KeywordFilter.indexKey(f.include().stream().max((a, b) -> a.length() - b.length()).orElseThrow());
                byWord.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
            } else if (!f.feeds().isEmpty()) {
                for (String feed : f.feeds()) byFeed.computeIfAbsent(feed, k -> new ArrayList<>()).add(e);
            } else if (f.exclude().isEmpty()) {
                alwaysChats.putIfAbsent(s.chatId(), s.language());
            } else {
                always.add(e);
            }
        }
        this.size = subscriptions.size();
    }

    public int size() {
        return size;
    }

    /** chat id → language for every chat with a matching subscription, each chat once. */
    public Map<Long, String> match(ItemFacts item) {
        // The whole-topic chats are shared, not copied: thousands of them match every item.
        Map<Long, String> chats = new UnionMap(alwaysChats);
        for (Entry e : always) accept(e, item, chats);
        for (Entry e : byFeed.getOrDefault(item.feedId(), List.of())) accept(e, item, chats);
        // Iterate the smaller side: few distinct words in an article, or few keyed subscriptions.
        if (item.words().size() <= byWord.size()) {
            for (String w : item.words()) for (Entry e : byWord.getOrDefault(w, List.of())) accept(e, item, chats);
        } else {
            for (var kv : byWord.entrySet()) {
                if (item.words().contains(kv.getKey())) for (Entry e : kv.getValue()) accept(e, item, chats);
            }
        }
        return chats;
    }

    /** The shared whole-topic chats plus this item's other matches; read-only except for put of new chats. */
    private static final class UnionMap extends java.util.AbstractMap<Long, String> {
        private final Map<Long, String> base;
        private final Map<Long, String> extra = new LinkedHashMap<>();

        UnionMap(Map<Long, String> base) {
            this.base = base;
        }

        @Override
        public boolean containsKey(Object key) {
            return base.containsKey(key) || extra.containsKey(key);
        }

        @Override
        public String get(Object key) {
            String v = base.get(key);
            return v != null ? v : extra.get(key);
        }

        @Override
        public String put(Long key, String value) {
            return base.containsKey(key) ? base.get(key) : extra.put(key, value);
        }

        @Override
        public int size() {
            return base.size() + extra.size();
        }

        @Override
        public java.util.Set<Map.Entry<Long, String>> entrySet() {
            return new java.util.AbstractSet<>() {
                @Override
                public java.util.Iterator<Map.Entry<Long, String>> iterator() {
                    var a = base.entrySet().iterator();
                    var b = extra.entrySet().iterator();
                    return new java.util.Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return a.hasNext() || b.hasNext();
                        }

                        @Override
                        public Map.Entry<Long, String> next() {
                            return a.hasNext() ? a.next() : b.next();
                        }
                    };
                }

                @Override
                public int size() {
                    return UnionMap.this.size();
                }
            };
        }
    }

    private static void accept(Entry e, ItemFacts item, Map<Long, String> chats) {
        if (!chats.containsKey(e.sub.chatId()) && e.filter.matches(item)) chats.put(e.sub.chatId(), e.sub.language());
    }
}
