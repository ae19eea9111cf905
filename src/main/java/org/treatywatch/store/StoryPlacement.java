package org.treatywatch.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.treatywatch.feed.Urls;
import org.treatywatch.story.StoryKey;
import org.treatywatch.story.StoryMatcher;

/**
 * Puts one poll's relevant items into stories, inside the transaction that records them and with
 * every recent item in view (earlier items of the same poll included). An item that matches items of
 * several stories joins them into the oldest: a story is then the same set of items whatever order
 * they came in, and each chat keeps one alert for it ({@link StoryStore#merge}).
 */
final class StoryPlacement {
    /** Items this recent are matched as the same article (URL, near-identical text). */
    static final Duration ITEM_WINDOW = Duration.ofDays(7);
    /** Items this recent are matched as the same event too. */
    static final Duration EVENT_WINDOW = Duration.ofDays(3);

    private final List<StoryMatcher.SeenItem> seen;

    private StoryPlacement(List<StoryMatcher.SeenItem> seen) {
        this.seen = seen;
    }

    static StoryPlacement load(Connection c, boolean postgres, Instant now) throws SQLException {
        if (postgres) {
            // other instances place their polls' items one at a time with ours, until this transaction ends
            try (Statement s = c.createStatement()) {
                s.execute("LOCK TABLE stories IN SHARE ROW EXCLUSIVE MODE");
            }
        }
        Instant eventSince = now.minus(EVENT_WINDOW);
        List<StoryMatcher.SeenItem> seen = new ArrayList<>();
        // story_id > 0 lets the story index serve this; IS NOT NULL would read every item
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT story_id, url, simhash, stage, people, places, event_date, seen_at
                FROM items WHERE story_id > 0 AND seen_at >= ? ORDER BY id""")) {
            Sql.setInstant(ps, 1, now.minus(ITEM_WINDOW));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date d = rs.getDate("event_date");
                    String url = rs.getString("url");
                    StoryKey key = new StoryKey(url == null ? null : Urls.canonical(url), rs.getLong("simhash"), Optional.ofNullable(rs.getString("stage")),
                            StoryStore.ids(rs.getString("people")), StoryStore.ids(rs.getString("places")),
                            Optional.ofNullable(d).map(Date::toLocalDate));
                    seen.add(new StoryMatcher.SeenItem(rs.getLong("story_id"), key, !Sql.instant(rs, "seen_at").isBefore(eventSince)));
                }
            }
        }
        return new StoryPlacement(seen);
    }

    /** The story the item goes into (created, found, or the oldest of those it joins); the item is then in view. */
    long place(Connection c, PollRecorder.Placement p, Instant now) throws SQLException {
        Set<Long> found = StoryMatcher.storiesOf(p.key(), seen);
        long storyId;
        if (found.isEmpty()) {
            storyId = StoryStore.create(c, p.story(), now);
        } else {
            storyId = found.iterator().next(); // the lowest id: the oldest story
            for (long other : found) {
                if (other == storyId) continue;
                StoryStore.merge(c, storyId, other);
                seen.replaceAll(i -> i.storyId() == other ? new StoryMatcher.SeenItem(storyId, i.key(), i.eventRecent()) : i);
            }
        }
        StoryStore.touch(c, storyId, now);
        seen.add(new StoryMatcher.SeenItem(storyId, p.key(), true));
        return storyId;
    }
}
