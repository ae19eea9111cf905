package org.treatywatch.service;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reload that fails in any way (even with an Error) must not stop the watcher. */
class FileWatcherTest {
    @Test
    void keepsWatchingAfterAReloadThrowsAnError(@TempDir Path dir) throws Exception {
        Path feeds = Files.writeString(dir.resolve("feeds.yaml"), "feeds: []\n");
        AtomicInteger calls = new AtomicInteger();
        try (FileWatcher w = new FileWatcher(List.of(feeds), () -> {
            if (calls.incrementAndGet() == 1) throw new StackOverflowError("a self-referencing alias");
        })) {
            Files.setLastModifiedTime(feeds, FileTime.from(Instant.now().plusSeconds(10)));
            await().atMost(Duration.ofSeconds(30)).until(() -> calls.get() >= 1);
            Files.setLastModifiedTime(feeds, FileTime.from(Instant.now().plusSeconds(20)));
            await().atMost(Duration.ofSeconds(30)).until(() -> calls.get() >= 2);
        }
    }
}
