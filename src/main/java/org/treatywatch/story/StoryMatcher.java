package org.treatywatch.story;

import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.treatywatch.text.SimHash;

/**
 * Decides whether a new item belongs to a recent story. The same article: same canonical URL, or a
 * SimHash within {@value #NEAR_DUPLICATE_BITS} bits. The same event, across languages: the same
 * stage, a person in common, and a place in common or dates at most {@value #MAX_DAYS_APART} days apart.
 */
public final class StoryMatcher {
    static final int NEAR_DUPLICATE_BITS = 3;
    static final int MAX_DAYS_APART = 2;

    /** A recent item already in a story. */
    public record SeenItem(long storyId, String url, long simhash) {}

    /** A recent story. */
    public record SeenStory(long id, StoryKey key) {}

    private StoryMatcher() {}

    public static Optional<Long> find(StoryKey key, List<SeenItem> items, List<SeenStory> stories) {
        for (SeenItem i : items) {
            if (key.url() != null && key.url().equals(i.url())) return Optional.of(i.storyId());
            if (key.simhash() != 0 && SimHash.distance(key.simhash(), i.simhash()) <= NEAR_DUPLICATE_BITS) return Optional.of(i.storyId());
        }
        for (SeenStory s : stories) if (sameEvent(key, s.key())) return Optional.of(s.id());
        return Optional.empty();
    }

    static boolean sameEvent(StoryKey a, StoryKey b) {
        if (a.stage().isEmpty() || !a.stage().equals(b.stage())) return false;
        if (!overlaps(a.people(), b.people())) return false;
        boolean closeDates = a.date().isPresent() && b.date().isPresent()
                && Math.abs(ChronoUnit.DAYS.between(a.date().get(), b.date().get())) <= MAX_DAYS_APART;
        return overlaps(a.places(), b.places()) || closeDates;
    }

    private static boolean overlaps(Set<String> a, Set<String> b) {
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return !common.isEmpty();
    }
}
