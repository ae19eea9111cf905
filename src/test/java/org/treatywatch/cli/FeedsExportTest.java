package org.treatywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.TestFiles;
import org.treatywatch.config.FeedDef;
import org.treatywatch.config.FeedsFile;
import org.treatywatch.store.Db;
import org.treatywatch.store.FeedRow;
import org.treatywatch.store.FeedStore;
import picocli.CommandLine;

class FeedsExportTest {
    @Test
    void exportsFeedsOfBothOriginsAsAValidFeedsFile(@TempDir Path dir) throws Exception {
        Path yaml = TestFiles.feedsYaml(dir, "from-file", "https://example.org/rss", "ar", "10m");
        String db = "jdbc:h2:file:" + dir.resolve("db");
        try (Db d = Db.open(db)) {
            new FeedStore(d).add(new FeedDef("from-admin", "Admin \"quoted\" name", "https://example.com/feed", FeedDef.Kind.RSS, "he",
                    Duration.ofMinutes(5), true, Optional.empty()), FeedRow.ORIGIN_BOT);
        }
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("feeds", "export", "--feeds", yaml.toString(), "--db", db)).isZero();
        FeedsFile.Loaded loaded = FeedsFile.parse("export.yaml", out.toString());
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.feeds()).extracting(FeedDef::id).containsExactly("from-file", "from-admin");
        assertThat(loaded.feeds().get(1).name()).isEqualTo("Admin \"quoted\" name");
        assertThat(loaded.topics()).isNotEmpty();
    }
}
