package org.treatywatch.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.bench.FeedFarm;
import org.treatywatch.bot.FakeBotApi;
import org.treatywatch.config.AppConfig;
import org.treatywatch.store.FeedRow;

/**
 * A running service whose feeds answer 304 must not grow its H2 file: a disk that fills up with
 * nothing new ends in a service that cannot store the next real alert. The rounds go through the
 * real scheduler (Quartz runs every poll as a job) against a loopback farm and a fake Bot API.
 */
class QuietPollsTest {
    static final String TOKEN = "123456789:AAquiet-polls-token_xyz";
    static final int FEEDS = 20, ROUNDS = 50;
    // Nothing is written at all; the bound only leaves room for H2's own bookkeeping. The job store
    // in the database grew the file by more than this in the first few rounds.
    static final long BOUND = 512 * 1024;

    @TempDir
    Path dir;

    @Test
    void roundsOfNotModifiedPollsLeaveTheDatabaseFileAsItWas() throws Exception {
        try (FeedFarm farm = new FeedFarm(FEEDS, 5, 0); FakeBotApi telegram = new FakeBotApi(TOKEN)) {
            Path yaml = dir.resolve("feeds.yaml");
            Files.writeString(yaml, farm.feedsYaml("1h"), StandardCharsets.UTF_8); // the rounds below are the only polls
            AppConfig config = AppConfig.fromEnv(Map.of()).withToken(TOKEN).withApiUrl(telegram.url()).withAdmins(Set.of())
                    .withDbUrl("jdbc:h2:file:" + dir.resolve("db/treatywatch")).withFeedsPath(yaml)
                    .withTemplatesDir(Path.of("templates")).withAllowPrivateFeeds(true);
            try (Service service = Service.start(config)) {
                pollEveryFeed(service); // the baseline: each feed's items stored once
                await().atMost(Duration.ofSeconds(60)).until(() -> service.pipeline().feeds().all().stream().allMatch(FeedRow::initialized));
                pollEveryFeed(service);
                await().atMost(Duration.ofSeconds(60)).until(() -> farm.notModified() >= FEEDS);

                long before = service.pipeline().db().sizeBytes().orElseThrow();
                for (int round = 1; round <= ROUNDS; round++) {
                    long expected = farm.notModified() + FEEDS;
                    pollEveryFeed(service);
                    await().atMost(Duration.ofSeconds(60)).until(() -> farm.notModified() >= expected);
                }
                long after = service.pipeline().db().sizeBytes().orElseThrow();

                assertThat(farm.notModified()).isGreaterThanOrEqualTo((long) FEEDS * (ROUNDS + 1));
                assertThat(after).as("database file after %d rounds of 304s (was %d bytes)", ROUNDS, before)
                        .isLessThanOrEqualTo(before + BOUND);
            }
        }
    }

    private static void pollEveryFeed(Service service) {
        for (int f = 0; f < FEEDS; f++) assertThat(service.scheduling().pollNow("farm-" + f)).isTrue();
    }
}
