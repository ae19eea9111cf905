package org.treatywatch.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A benchmark's throwaway folder in the temp directory (databases of hundreds of MB), deleted with
 * everything in it when the benchmark ends: done, failed, or stopped with Ctrl-C (a shutdown hook,
 * as a long soak is often stopped by hand).
 */
public final class ScratchFolder implements AutoCloseable {
    private final Path path;
    private final Thread onExit;

    private ScratchFolder(Path path) {
        this.path = path;
        this.onExit = new Thread(() -> delete(path), "delete-" + path.getFileName());
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** A new folder in java.io.tmpdir as it is now (the JDK's own createTempDirectory reads it once). */
    public static ScratchFolder create(String prefix) {
        try {
            return new ScratchFolder(Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), prefix));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder in " + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() {
        delete(path);
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // the JVM is already exiting: the hook deletes it (again) too
        }
    }

    /** Deletes a folder and what is in it; what cannot be deleted stays (a temp folder: the OS cleans it eventually). */
    static void delete(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a file vanished while walking, or cannot be read: the rest is deleted
        }
    }
}
