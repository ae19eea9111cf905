package org.treatywatch.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.treatywatch.feed.Urls;
import org.treatywatch.read.Gazetteer;
import org.treatywatch.store.PollRecorder;
import org.treatywatch.store.StoryStore;
import org.treatywatch.story.StoryKey;
import org.treatywatch.summarize.EventCard;
import org.treatywatch.text.SimHash;

/**
 * Describes where a relevant item goes: its story key (URL, text fingerprint, event facts) and the
 * story it would start. Which story it joins is decided when the poll is recorded, against every
 * item recorded before it, polls running at the same time included.
 */
final class StoryPlacer {
    private final Instant now;

    StoryPlacer(Instant now) {
        this.now = now;
    }

    PollRecorder.Placement place(Analysis a, String url, String outlet) {
        EventCard card = a.alert().card();
        long simhash = SimHash.of(a.article().title() + "\n" + a.article().text());
        StoryKey key = new StoryKey(url == null ? null : Urls.canonical(url), simhash, card.stage().map(Gazetteer.Stage::id),
                ids(card.people()), ids(card.places()), card.date());
        StoryStore.StoryRow spec = new StoryStore.StoryRow(0, key.stage(), key.people(), key.places(), key.date(),
                a.article().title(), a.article().language(), now);
        return new PollRecorder.Placement(key, spec, outlet);
    }

    private static Set<String> ids(List<Gazetteer.Name> names) {
        Set<String> out = new TreeSet<>();
        for (Gazetteer.Name n : names) out.add(n.id());
        return out;
    }
}
