package org.treatywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.config.FeedDef;
import org.treatywatch.store.Db;
import org.treatywatch.store.FeedStore;

class BackupCommandTest {
    @Test
    void anSqlBackupRestoresIntoAFreshDatabase(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("live");
        try (Db db = Db.open(url)) {
            new FeedStore(db).add(new FeedDef("kept", "Kept", "https://e.org/rss", FeedDef.Kind.RSS, "he", Duration.ofMinutes(5), true,
                    Optional.empty()), "bot");
        }
        Path script = dir.resolve("backup.sql");
        assertThat(Cli.commandLine().execute("backup", "--db", url, "--sql", script.toString())).isZero();
        assertThat(Cli.commandLine().execute("backup", "--db", url, dir.resolve("backup.zip").toString())).isZero();
        assertThat(Files.size(dir.resolve("backup.zip"))).isPositive();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("restored"), "sa", "")) {
            c.createStatement().execute("RUNSCRIPT FROM '" + script.toAbsolutePath() + "'");
            try (ResultSet rs = c.createStatement().executeQuery("SELECT id FROM feeds")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("kept");
            }
        }
        assertThat(Cli.commandLine().execute("backup", "--db", url, script.toString())).isNotZero(); // never overwrites
    }
}
