package org.treatywatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that can no longer be used is reported, once, to the one handler that decides what the
 * process does (the service exits); an empty database file is refused instead of started over.
 */
class DbFailureTest {
    @TempDir
    Path dir;

    private final List<SQLException> reported = new CopyOnWriteArrayList<>();
    private final AtomicLong chat = new AtomicLong();

    private void write(Db db) {
        db.tx(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("INSERT INTO chats (chat_id, language) VALUES (" + chat.incrementAndGet() + ", 'he')");
            }
        });
    }

    private boolean tryWrite(Db db) {
        try {
            write(db);
            return true;
        } catch (StoreException e) {
            return false;
        }
    }

    @Test
    void aFullDiskClosesTheDatabaseForGoodAndThatIsReportedOnce() {
        try (Db db = Db.open(FullDisk.url(dir, "tw"))) {
            db.onFatal(reported::add);
            write(db);
            FullDisk.fill(dir);
            await().atMost(Duration.ofSeconds(20)).until(() -> !tryWrite(db) && !reported.isEmpty());
            FullDisk.free(dir);
            // space is back, yet H2 has closed this database: only a new process can use it again
            assertThat(tryWrite(db)).isFalse();
            assertThat(tryWrite(db)).isFalse();
            assertThat(reported).hasSize(1);
            assertThat(reported.get(0).getErrorCode()).isEqualTo(90098);
            assertThat(FatalErrors.describe(reported.get(0))).isEqualTo("H2 error 90098: The database has been closed");
        } finally {
            FullDisk.free(dir);
        }
    }

    @Test
    void aDatabaseShutDownUnderneathIsReported() {
        try (Db db = Db.open("jdbc:h2:file:" + dir.resolve("tw"))) {
            db.onFatal(reported::add);
            write(db);
            assertThatThrownBy(() -> db.tx(c -> {
                try (Statement s = c.createStatement()) {
                    return s.execute("SHUTDOWN IMMEDIATELY");
                }
            })).isInstanceOf(StoreException.class);
            assertThat(reported).extracting(SQLException::getErrorCode).containsExactly(90121);
        }
    }

    @Test
    void ourOwnCloseIsNoFailure() {
        Db db = Db.open("jdbc:h2:file:" + dir.resolve("tw"));
        db.onFatal(reported::add);
        write(db);
        db.close();
        assertThat(tryWrite(db)).isFalse();
        assertThat(reported).isEmpty();
    }

    @Test
    void anEmptyDatabaseFileIsRefusedAndLeftAsItIs() throws Exception {
        Path file = dir.resolve("tw.mv.db");
        Files.createFile(file);
        assertThatThrownBy(() -> Db.open("jdbc:h2:file:" + dir.resolve("tw"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toAbsolutePath().toString()).hasMessageContaining("is empty (0 bytes)")
                .hasMessageContaining("restore it from a backup");
        assertThat(Files.size(file)).as("not started over").isZero();
    }

    @Test
    void aFileOfZerosIsRefusedToo() throws Exception {
        Path file = dir.resolve("tw.mv.db");
        Files.write(file, new byte[8192]);
        assertThatThrownBy(() -> Db.open("jdbc:h2:file:" + dir.resolve("tw"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot open database");
        assertThat(Files.readAllBytes(file)).containsOnly(0);
    }
}
