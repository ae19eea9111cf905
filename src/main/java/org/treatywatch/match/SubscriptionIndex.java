package org.treatywatch.match;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.treatywatch.store.Subscription;

/**
 * Subscriptions indexed by a term they require, in the spirit of a percolator: an item is only
 * tested against the subscriptions keyed by one of its own words or its feed, plus those that
 * require nothing (the whole topic, shared rather than tested). Filter words are numbered at build
 * time, so testing a candidate is a few bit lookups. Cost grows with the matches, not with the
 * subscriptions. Immutable; rebuilt when subscriptions change.
 */
public final class SubscriptionIndex {
    /** A keyword subscription: its chat's dense index and, per word, the ids of the forms that satisfy it. */
    private record Entry(int chat, int[][] include, int[][] exclude, Set<String> feeds, Long thread) {}

    /** The matched chats (chat id → language), and for each the forum topic its alert goes to. */
    public interface Matched extends Map<Long, String> {
        /** Each matched chat with its language and topic (null: the general topic). */
        void forEachTarget(Target target);
    }

    @FunctionalInterface
    public interface Target {
        void accept(long chatId, String language, Long threadId);
    }

    private final Map<String, Integer> termIds = new HashMap<>();
    private final Map<Long, Integer> chatIndex = new HashMap<>();
    private final List<Long> chatIds = new ArrayList<>();
    private final List<String> chatLanguages = new ArrayList<>();
    private final int[] alwaysChats;
    /** The topic of each chat's first whole-topic subscription (a chat gets one alert per item), by dense chat index. */
    private final Map<Integer, Long> alwaysThreads = new HashMap<>();
    private final List<Entry> excludeOnly = new ArrayList<>();
    private final Map<String, List<Entry>> byFeed = new HashMap<>();
    private final List<List<Entry>> byTerm = new ArrayList<>();
    private final int size;

    public SubscriptionIndex(Collection<Subscription> subscriptions) {
        BitSet always = new BitSet();
        for (Subscription s : subscriptions) {
            if (!Subscription.TREATY.equals(s.topic())) continue;
            int chat = chat(s);
            KeywordFilter f = KeywordFilter.parse(s.filter());
            if (f.include().isEmpty() && f.exclude().isEmpty() && f.feeds().isEmpty()) {
                if (!always.get(chat) && s.threadId() != null) alwaysThreads.put(chat, s.threadId());
                always.set(chat);
                continue;
            }
            Entry e = new Entry(chat, terms(f.include()), terms(f.exclude()), f.feeds(), s.threadId());
            if (!f.include().isEmpty()) {
                // Any required word will do as the key; the longest is usually the rarest.
                String word = f.include().stream().max((a, b) -> a.length() - b.length()).orElseThrow();
                byTerm.get(term(KeywordFilter.indexKey(word))).add(e);
            } else if (!f.feeds().isEmpty()) {
                for (String feed : f.feeds()) byFeed.computeIfAbsent(feed, k -> new ArrayList<>()).add(e);
            } else {
                excludeOnly.add(e);
            }
        }
        alwaysChats = always.stream().toArray();
        size = subscriptions.size();
    }

    public int size() {
        return size;
    }

    /** chat id → language for every chat with a matching subscription, each chat once. */
    public Matched match(ItemFacts item) {
        // Scratch bit sets are reused per thread and cleared after use: matching is on the hot path.
        BitSet[] scratch = SCRATCH.get();
        BitSet present = scratch[0], seen = scratch[1];
        try {
            return match(item, present, seen);
        } finally {
            present.clear();
            seen.clear();
        }
    }

    private static final ThreadLocal<BitSet[]> SCRATCH = ThreadLocal.withInitial(() -> new BitSet[] {new BitSet(), new BitSet()});

    private Matched match(ItemFacts item, BitSet present, BitSet seen) {
        for (String w : item.words()) {
            Integer id = termIds.get(w);
            if (id != null) present.set(id);
        }
        // Whole-topic chats are shared by every result, not copied; only the other matches are collected.
        int[] out = new int[64];
        Long[] threads = new Long[64];
        int n = 0;
        for (int c : alwaysChats) seen.set(c);
        List<List<Entry>> groups = new ArrayList<>();
        groups.add(excludeOnly);
        groups.add(byFeed.getOrDefault(item.feedId(), List.of()));
        for (int t = present.nextSetBit(0); t >= 0; t = present.nextSetBit(t + 1)) groups.add(byTerm.get(t));
        for (List<Entry> group : groups) {
            for (Entry e : group) {
                if (seen.get(e.chat) || !matches(e, item, present)) continue;
                seen.set(e.chat);
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                    threads = Arrays.copyOf(threads, n * 2);
                }
                threads[n] = e.thread;
                out[n++] = e.chat;
            }
        }
        return new Chats(out, threads, n);
    }

    private static boolean matches(Entry e, ItemFacts item, BitSet present) {
        if (!e.feeds.isEmpty() && !e.feeds.contains(item.feedId())) return false;
        for (int[] forms : e.include) if (!any(forms, present)) return false;
        for (int[] forms : e.exclude) if (any(forms, present)) return false;
        return true;
    }

    private static boolean any(int[] forms, BitSet present) {
        for (int f : forms) if (present.get(f)) return true;
        return false;
    }

    private int chat(Subscription s) {
        return chatIndex.computeIfAbsent(s.chatId(), id -> {
            chatIds.add(id);
            chatLanguages.add(s.language());
            return chatIds.size() - 1;
        });
    }

    private int term(String form) {
        return termIds.computeIfAbsent(form, f -> {
            byTerm.add(new ArrayList<>());
            return byTerm.size() - 1;
        });
    }

    private int[][] terms(List<String> words) {
        int[][] out = new int[words.size()][];
        for (int i = 0; i < words.size(); i++) {
            List<String> forms = KeywordFilter.forms(words.get(i));
            out[i] = forms.stream().mapToInt(this::term).toArray();
        }
        return out;
    }

    /**
     * The matched chats as a read-only map over the dense indices: the shared whole-topic chats,
     * then this item's other matches. Iteration is what callers do.
     */
    private final class Chats extends AbstractMap<Long, String> implements Matched {
        private final int[] extra;
        private final Long[] extraThreads;
        private final int extraCount;
        private final int n;

        Chats(int[] extra, Long[] extraThreads, int extraCount) {
            this.extra = extra;
            this.extraThreads = extraThreads;
            this.extraCount = extraCount;
            this.n = alwaysChats.length + extraCount;
        }

        @Override
        public void forEachTarget(Target target) {
            for (int c : alwaysChats) target.accept(chatIds.get(c), chatLanguages.get(c), alwaysThreads.get(c));
            for (int i = 0; i < extraCount; i++) target.accept(chatIds.get(extra[i]), chatLanguages.get(extra[i]), extraThreads[i]);
        }

        private int at(int i) {
            return i < alwaysChats.length ? alwaysChats[i] : extra[i - alwaysChats.length];
        }

        @Override
        public Set<Map.Entry<Long, String>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<Long, String>> iterator() {
                    return new Iterator<>() {
                        int i;

                        @Override
                        public boolean hasNext() {
                            return i < n;
                        }

                        @Override
                        public Map.Entry<Long, String> next() {
                            if (i >= n) throw new NoSuchElementException();
                            int c = at(i++);
                            return new SimpleImmutableEntry<>(chatIds.get(c), chatLanguages.get(c));
                        }
                    };
                }

                @Override
                public int size() {
                    return n;
                }
            };
        }

        @Override
        public boolean containsKey(Object key) {
            Integer c = chatIndex.get(key);
            if (c == null) return false;
            if (Arrays.binarySearch(alwaysChats, c) >= 0) return true; // sorted: it came from a BitSet
            for (int i = 0; i < extraCount; i++) if (extra[i] == c) return true;
            return false;
        }
    }
}
