package org.treatywatch.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.treatywatch.feed.Urls;
import org.treatywatch.store.PollRecorder;
import org.treatywatch.store.StoryStore;
import org.treatywatch.story.StoryKey;
import org.treatywatch.story.StoryMatcher;
import org.treatywatch.summarize.EventCard;
import org.treatywatch.read.Gazetteer;
import org.treatywatch.text.SimHash;

/** Places one poll's relevant items into recent stories (read once per poll) or new ones. */
final class StoryPlacer {
    static final Duration ITEM_WINDOW = Duration.ofDays(7);
    static final Duration STORY_WINDOW = Duration.ofDays(3);

    private final StoryStore stories;
    private final Instant now;
    private List<StoryMatcher.SeenItem> items;
    private List<StoryMatcher.SeenStory> recent;

    StoryPlacer(StoryStore stories, Instant now) {
        this.stories = stories;
        this.now = now;
    }

    PollRecorder.Placement place(Analysis a, String url, String outlet) {
        if (items == null) load();
        EventCard card = a.alert().card();
        long simhash = SimHash.of(a.article().title() + "\n" + a.article().text());
        StoryKey key = new StoryKey(url == null ? null : Urls.canonical(url), simhash, card.stage().map(Gazetteer.Stage::id),
                ids(card.people()), ids(card.places()), card.date());
        Optional<Long> existing = StoryMatcher.find(key, items, recent);
        StoryStore.StoryRow spec = new StoryStore.StoryRow(0, key.stage(), key.people(), key.places(), key.date(),
                a.article().title(), a.article().language(), now);
        return new PollRecorder.Placement(existing, spec, simhash, outlet);
    }

    private void load() {
        items = new ArrayList<>();
        for (StoryStore.Fingerprint f : stories.recentItems(now.minus(ITEM_WINDOW))) {
            items.add(new StoryMatcher.SeenItem(f.storyId(), f.url(), f.simhash()));
        }
        recent = new ArrayList<>();
        for (StoryStore.StoryRow r : stories.recentStories(now.minus(STORY_WINDOW))) {
            recent.add(new StoryMatcher.SeenStory(r.id(), new StoryKey(null, 0, r.stage(), r.people(), r.places(), r.date())));
        }
    }

    private static Set<String> ids(List<Gazetteer.Name> names) {
        Set<String> out = new TreeSet<>();
        for (Gazetteer.Name n : names) out.add(n.id());
        return out;
    }
}
