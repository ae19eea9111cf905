package org.treatywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.TestFiles;
import picocli.CommandLine;

/** poll --once --dry-run and feeds check on a maintainer's file: feed, without a token or network. */
class PollAndCheckCommandTest {
    static String run(StringWriter out, String... args) {
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        cl.execute(args);
        return out.toString();
    }

    @Test
    void dryRunPrintsTheAlertsInBothLanguagesAndStoresNothing(@TempDir Path dir) throws Exception {
        Path feed = dir.resolve("feed.xml");
        Files.writeString(feed, TestFiles.rss(List.of(
                new TestFiles.RssItem("1", "روسيا وإيران توقعان معاهدة الشراكة الاستراتيجية", "http://example.invalid/1",
                        "وقع الرئيسان بوتين وبزشكيان المعاهدة في موسكو اليوم."),
                new TestFiles.RssItem("2", "طقس بارد في الشمال", "http://example.invalid/2", "أمطار وثلوج."))), StandardCharsets.UTF_8);
        Path yaml = TestFiles.feedsYaml(dir, "local", feed.toUri().toString(), "ar", "10m");
        String db = "jdbc:h2:file:" + dir.resolve("db");
        String out = run(new StringWriter(), "poll", "--once", "--dry-run", "--feeds", yaml.toString(), "--db", db,
                "--templates", "templates");
        assertThat(out).contains("local", "2 items, 2 new, 1 relevant").contains("---- alert (he) ----", "---- alert (ar) ----")
                .contains("פוטין", "بوتين").doesNotContain("طقس بارد في الشمال\n  ---- alert");
        assertThat(Files.exists(dir.resolve("db.mv.db"))).isFalse();
    }

    @Test
    void feedsCheckValidatesAndTriesEveryFeed(@TempDir Path dir) throws Exception {
        Path feed = dir.resolve("feed.xml");
        Files.writeString(feed, TestFiles.rss(List.of(new TestFiles.RssItem("1", "x", "http://example.invalid/1", "y"))));
        Path yaml = dir.resolve("feeds.yaml");
        Files.writeString(yaml, "feeds:\n  - {id: good, url: \"" + feed.toUri() + "\", language: he}\n"
                + "  - {id: broken, url: \"" + dir.resolve("missing.xml").toUri() + "\", language: ar}\n"
                + "  - {id: bad, url: \"https://example.org/x\", language: he, interval: 10}\n"
                + "  - {id: forever, url: \"https://example.org/y\", language: he, interval: 9999999999999999d}\n" + TestFiles.shippedTopics());
        String out = run(new StringWriter(), "feeds", "check", "--feeds", yaml.toString(), "--db", "jdbc:h2:mem:check");
        assertThat(out).contains("feeds.yaml:4: feed \"bad\": interval \"10\" needs a unit, e.g. 10m",
                "feeds.yaml:5: feed \"forever\": interval \"9999999999999999d\" is too long; at most 36500d");
        assertThat(out.lines().filter(l -> l.startsWith("good")).findFirst().orElseThrow()).contains(" ok ", "1");
        assertThat(out.lines().filter(l -> l.startsWith("broken")).findFirst().orElseThrow()).contains("ERROR", "cannot read");
    }
}
