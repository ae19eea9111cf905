package org.treatywatch.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices edits to feeds.yaml and the templates folder by their modification times (portable,
 * unlike file-system events on network mounts) and runs the reload once per change.
 */
final class FileWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FileWatcher.class);
    static final long PERIOD_MILLIS = 2000;

    private final List<Path> paths;
    private final Runnable onChange;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "file-watch");
        t.setDaemon(true);
        return t;
    });
    private Map<Path, FileTime> seen;

    FileWatcher(List<Path> paths, Runnable onChange) {
        this.paths = paths;
        this.onChange = onChange;
        this.seen = snapshot();
        timer.scheduleWithFixedDelay(this::check, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void check() {
        try {
            Map<Path, FileTime> now = snapshot();
            if (!now.equals(seen)) {
                seen = now;
                log.info("feeds.yaml or templates changed; reloading");
                onChange.run();
            }
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            // whatever an edit did, the watcher keeps watching: the next valid edit is picked up
            log.error("reload after a file change failed: {}", e.toString());
        }
    }

    private Map<Path, FileTime> snapshot() {
        Map<Path, FileTime> out = new HashMap<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> files = Files.list(p)) {
                    files.forEach(f -> out.put(f, mtime(f)));
                } catch (IOException e) {
                    out.put(p, null);
                }
            } else {
                out.put(p, mtime(p));
            }
        }
        return out;
    }

    private static FileTime mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
