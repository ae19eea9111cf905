package org.treatywatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quartz interrupts its own threads when the scheduler stops, whatever they are doing. A thread
 * interrupted in the middle of an H2 file write used to make H2 close the whole database, so every
 * other part then failed with "The database has been closed"; now the write goes through.
 */
class InterruptedWriterTest {
    @TempDir
    Path dir;

    @Test
    void aWriteByAnInterruptedThreadKeepsTheDatabaseOpen() {
        try (Db db = Db.open("jdbc:h2:file:" + dir.resolve("db"))) {
            ChatStore chats = new ChatStore(db);
            try {
                for (long chat = 1; chat <= 20; chat++) {
                    Thread.currentThread().interrupt(); // as Quartz's shutdown does to its scheduler thread
                    chats.ensure(chat, "ar", "private");
                }
            } finally {
                Thread.interrupted();
            }
            assertThat(chats.get(20)).isPresent();
            chats.ensure(21, "he", "private"); // another write after them: the database is still open
            assertThat(chats.get(21)).isPresent();
        }
        try (Db reopened = Db.open("jdbc:h2:file:" + dir.resolve("db"))) {
            assertThat(new ChatStore(reopened).get(21)).isPresent();
        }
    }
}
