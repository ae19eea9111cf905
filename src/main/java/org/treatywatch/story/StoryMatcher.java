package org.treatywatch.story;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.treatywatch.text.SimHash;

/**
 * Decides which recent stories a new item belongs to, by comparing it with every item already in
 * them (never with a story's first item alone, which made the grouping depend on which report came
 * first). The same article: same canonical URL, or a SimHash within {@value #NEAR_DUPLICATE_BITS}
 * bits. The same event, across languages: the same stage, a person in common, and a place in common
 * or dates at most {@value #MAX_DAYS_APART} days apart. Both relations are symmetric, so an item that
 * matches several stories joins them into one, and a story is the same set of items whatever order
 * they arrived in.
 */
public final class StoryMatcher {
    static final int NEAR_DUPLICATE_BITS = 3;
    static final int MAX_DAYS_APART = 2;

    /** A recent item already in a story; {@code eventRecent} if it is young enough to match by event too. */
    public record SeenItem(long storyId, StoryKey key, boolean eventRecent) {}

    private StoryMatcher() {}

    /** The ids of every story holding an item that is the same article or the same event as {@code key}. */
    public static Set<Long> storiesOf(StoryKey key, List<SeenItem> items) {
        Set<Long> out = new TreeSet<>();
        for (SeenItem i : items) {
            if (out.contains(i.storyId())) continue;
            if (sameArticle(key, i.key()) || i.eventRecent() && sameEvent(key, i.key())) out.add(i.storyId());
        }
        return out;
    }

    static boolean sameArticle(StoryKey a, StoryKey b) {
        if (a.url() != null && a.url().equals(b.url())) return true;
        return a.simhash() != 0 && b.simhash() != 0 && SimHash.distance(a.simhash(), b.simhash()) <= NEAR_DUPLICATE_BITS;
    }

    static boolean sameEvent(StoryKey a, StoryKey b) {
        if (a.stage().isEmpty() || !a.stage().equals(b.stage())) return false;
        if (!overlaps(a.people(), b.people())) return false;
        boolean closeDates = a.date().isPresent() && b.date().isPresent()
                && Math.abs(ChronoUnit.DAYS.between(a.date().get(), b.date().get())) <= MAX_DAYS_APART;
        return overlaps(a.places(), b.places()) || closeDates;
    }

    private static boolean overlaps(Set<String> a, Set<String> b) {
        for (String s : a) if (b.contains(s)) return true;
        return false;
    }
}
