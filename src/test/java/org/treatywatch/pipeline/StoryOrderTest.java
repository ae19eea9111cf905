package org.treatywatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.bench.FeedFarm;
import org.treatywatch.config.AppConfig;
import org.treatywatch.config.FeedsFile;
import org.treatywatch.service.Pipeline;
import org.treatywatch.store.FeedRow;
import org.treatywatch.store.OutboxRow;

/**
 * The same relevant items, arriving in different orders (the feeds polled one after another in a
 * shuffled order, several fixed seeds), through the real pipeline: fetched over HTTP from the
 * benchmark's feed farm, read, judged, placed in stories and queued for three subscribed chats.
 * Every order gives the same stories (as sets of items) and the same number of alerts.
 */
class StoryOrderTest {
    static final int FEEDS = 24, ITEMS = 8, CHATS = 3;

    @TempDir
    Path dir;

    record Outcome(Set<Set<String>> stories, int alerts, int relevant) {}

    @Test
    void theSameItemsGiveTheSameStoriesAndAlertsWhateverOrderTheyArriveIn() throws Exception {
        Outcome first = run(0);
        assertThat(first.relevant()).as("relevant items").isGreaterThanOrEqualTo(40);
        assertThat(first.stories()).as("several stories, some with several reports")
                .hasSizeGreaterThan(1).anyMatch(s -> s.size() > 1);
        assertThat(first.alerts()).isEqualTo(first.stories().size() * CHATS);
        for (long seed : new long[] {1, 2, 3}) {
            Outcome shuffled = run(seed);
            assertThat(shuffled.stories()).as("stories with seed %d", seed).isEqualTo(first.stories());
            assertThat(shuffled.alerts()).as("alerts with seed %d", seed).isEqualTo(first.alerts());
        }
    }

    /** Seed 0: the feeds' own order; others: shuffled with that seed. */
    private Outcome run(long seed) throws Exception {
        Path run = Files.createDirectories(dir.resolve("run-" + seed));
        try (FeedFarm farm = new FeedFarm(FEEDS, ITEMS, 0)) {
            Path yaml = run.resolve("feeds.yaml");
            Files.writeString(yaml, farm.feedsYaml("1m"), StandardCharsets.UTF_8);
            AppConfig config = AppConfig.fromEnv(Map.of()).withFeedsPath(yaml).withDbUrl("jdbc:h2:file:" + run.resolve("db"))
                    .withAllowPrivateFeeds(true).withTemplatesDir(Path.of("templates"));
            try (Pipeline p = new Pipeline(config, FeedsFile.load(yaml))) {
                for (long c = 1; c <= CHATS; c++) {
                    p.chats().ensure(c, c % 2 == 0 ? "he" : "ar", "private");
                    p.chats().subscribeTopic(c);
                }
                List<String> feeds = new ArrayList<>(p.feeds().all().stream().map(FeedRow::id).toList());
                for (String id : feeds) p.poller().pollScheduled(id); // the first poll: the feeds' baseline, not alerted
                farm.advance(); // every feed publishes new items
                if (seed != 0) Collections.shuffle(feeds, new Random(seed));
                int relevant = 0;
                for (String id : feeds) relevant += p.poller().pollScheduled(id).relevant();
                return new Outcome(stories(p), p.outbox().count(OutboxRow.PENDING), relevant);
            }
        }
    }

    /** Each story as the set of its items' guids. */
    private static Set<Set<String>> stories(Pipeline p) {
        Map<Long, Set<String>> byStory = new TreeMap<>();
        p.db().tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT story_id, guid FROM items WHERE story_id > 0");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) byStory.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
            }
            return null;
        });
        return new HashSet<>(byStory.values());
    }
}
