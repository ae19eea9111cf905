package org.treatywatch.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.treatywatch.config.AppConfig;
import org.treatywatch.service.Service;
import org.treatywatch.store.ChatStore;
import org.treatywatch.store.FeedRow;

/**
 * The real service as a benchmark runs it (Quartz, poller, sender, the TelegramBots client): a
 * throwaway H2 file and feeds.yaml in the benchmark's folder, the Bot API simulator, chats subscribed
 * to the topic, Hebrew and Arabic readers in turn. Its log shows warnings only.
 */
final class BenchService implements AutoCloseable {
    private final Service service;

    private BenchService(Service service) {
        this.service = service;
    }

    static BenchService start(Path folder, String feedsYaml, BotApiSimulator api, Path templates, String token) throws IOException {
        ((Logger) LoggerFactory.getLogger("org.treatywatch")).setLevel(Level.WARN);
        Path yaml = Files.writeString(folder.resolve("feeds.yaml"), feedsYaml, StandardCharsets.UTF_8);
        AppConfig config = AppConfig.fromEnv(Map.of()).withToken(token).withApiUrl("http://127.0.0.1:" + api.port())
                .withDbUrl("jdbc:h2:file:" + folder.resolve("db")).withFeedsPath(yaml).withTemplatesDir(templates).withAllowPrivateFeeds(true);
        return new BenchService(Service.start(config));
    }

    /** The language chat {@code chat} reads: chats 1 … C alternate Arabic and Hebrew. */
    static String readerLanguage(long chat) {
        return chat % 2 == 0 ? "he" : "ar";
    }

    /** Chats 1 … {@code chats}, private, subscribed to the whole topic. */
    void subscribe(int chats) {
        ChatStore chatStore = service.pipeline().chats();
        for (long c = 1; c <= chats; c++) {
            chatStore.ensure(c, readerLanguage(c), "private");
            chatStore.subscribeTopic(c);
        }
    }

    /** Waits until every feed has had its first poll (its items recorded, never alerted); how long that took. */
    Duration awaitBaseline(Duration limit) throws InterruptedException {
        long t0 = System.nanoTime();
        while (!service.pipeline().feeds().all().stream().allMatch(FeedRow::initialized)) {
            if (System.nanoTime() - t0 > limit.toNanos()) throw new IllegalStateException("feeds never polled");
            Thread.sleep(200);
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    @Override
    public void close() {
        // the update loop's request in flight is cancelled by the shutdown: not an error worth a stack trace here
        ((Logger) LoggerFactory.getLogger("org.telegram")).setLevel(Level.OFF);
        service.close();
    }
}
