package org.treatywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.TestFiles;
import org.treatywatch.config.FeedDef;
import org.treatywatch.config.FeedsFile;
import org.treatywatch.fetch.TestHttpServer;
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

    @Test
    void anOpmlExportImportsBackEntryByEntryWithAReportForWhatWasRefused(@TempDir Path dir) throws Exception {
        try (org.treatywatch.fetch.TestHttpServer web = new org.treatywatch.fetch.TestHttpServer()) {
            web.serve("/a.xml", "application/rss+xml", TestFiles.rss(java.util.List.of(new TestFiles.RssItem("1", "خبر", "http://example.invalid/1", "نص"))));
            web.serve("/b.xml", "application/rss+xml", TestFiles.rss(java.util.List.of(new TestFiles.RssItem("2", "חדשות", "http://example.invalid/2", "ט"))));
            Path yaml = TestFiles.feedsYaml(dir, "from-file", web.url("/a.xml"), "ar", "10m");
            String db = "jdbc:h2:file:" + dir.resolve("db");
            try (Db d = Db.open(db)) {
                new FeedStore(d).add(new FeedDef("from-admin", "Admin & Co", web.url("/b.xml"), FeedDef.Kind.RSS, "he",
                        Duration.ofMinutes(5), true, Optional.empty()), FeedRow.ORIGIN_BOT);
            }
            StringWriter exported = new StringWriter();
            assertThat(cli(exported, "feeds", "export", "--opml", "--feeds", yaml.toString(), "--db", db)).isZero();
            assertThat(org.treatywatch.config.Opml.read(exported.toString())).extracting(e -> e.title(), e -> e.url(), e -> e.id().orElse(""))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Test from-file", web.url("/a.xml"), "from-file"),
                            org.assertj.core.groups.Tuple.tuple("Admin & Co", web.url("/b.xml"), "from-admin"));

            // Into a fresh database: both come back as admins' feeds, with their names, ids and languages.
            Path opml = dir.resolve("feeds.opml");
            java.nio.file.Files.writeString(opml, exported.toString().replace("</body>",
                    "<outline text=\"Intranet\" xmlUrl=\"http://10.0.0.1/rss\"/><outline text=\"Gone\" xmlUrl=\"" + web.url("/missing.xml") + "\"/></body>"));
            String fresh = "jdbc:h2:file:" + dir.resolve("fresh");
            Path empty = dir.resolve("empty.yaml");
            java.nio.file.Files.writeString(empty, "feeds: []\n");
            StringWriter report = new StringWriter();
            int code = cli(report, "feeds", "import", opml.toString(), "--feeds", empty.toString(), "--db", fresh, "--allow-private-feeds");
            // the two that cannot be fetched now are added too, marked failing
            assertThat(report.toString()).contains("added    from-file", "added    from-admin", "added    gone ", "added    intranet ",
                    "4 of 4 feeds added, 2 of them unreachable for now");
            assertThat(code).as("nothing was refused").isZero();
            try (Db d = Db.open(fresh)) {
                assertThat(new FeedStore(d).all()).extracting(r -> r.id(), r -> r.def().name(), r -> r.def().language(), r -> r.origin(),
                                r -> r.consecutiveFailures())
                        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("from-file", "Test from-file", "ar", FeedRow.ORIGIN_BOT, 0),
                                org.assertj.core.groups.Tuple.tuple("from-admin", "Admin & Co", "he", FeedRow.ORIGIN_BOT, 0),
                                org.assertj.core.groups.Tuple.tuple("gone", "Gone", "en", FeedRow.ORIGIN_BOT, 1),
                                org.assertj.core.groups.Tuple.tuple("intranet", "Intranet", "en", FeedRow.ORIGIN_BOT, 1));
            }
        }
    }

    @Test
    void aFeedDownAtImportIsAddedMarkedFailingAndRetriedWhileAMalformedEntryIsRefused(@TempDir Path dir) throws Exception {
        try (TestHttpServer web = new TestHttpServer()) {
            web.serve("/up.xml", "application/rss+xml", TestFiles.rss(List.of(new TestFiles.RssItem("1", "خبر", "http://example.invalid/1", "نص"))));
            String down = "http://127.0.0.1:" + closedPort() + "/rss.xml";
            Path opml = dir.resolve("list.opml");
            Files.writeString(opml, "<opml version=\"2.0\"><body>"
                    + "<outline type=\"rss\" text=\"Outlet Up\" xmlUrl=\"" + web.url("/up.xml") + "\"/>"
                    + "<outline type=\"rss\" text=\"Outlet Down\" language=\"ar\" xmlUrl=\"" + down + "\"/>"
                    + "<outline type=\"rss\" text=\"Outlet Gopher\" xmlUrl=\"gopher://example.org/rss\"/>"
                    + "</body></opml>");
            Path empty = Files.writeString(dir.resolve("empty.yaml"), "feeds: []\n");
            String db = "jdbc:h2:file:" + dir.resolve("db");
            StringWriter report = new StringWriter();
            int code = cli(report, "feeds", "import", opml.toString(), "--feeds", empty.toString(), "--db", db, "--allow-private-feeds");
            assertThat(report.toString()).contains("added    outlet-up ", "added    outlet-down ", down,
                    "unreachable now, retried by the scheduler: ", "skipped  gopher://example.org/rss: bad url",
                    "2 of 3 feeds added, 1 of them unreachable for now");
            assertThat(report.toString().lines().filter(l -> l.contains("unreachable now"))).singleElement()
                    .satisfies(l -> assertThat(report.toString()).contains("outlet-down", l));
            assertThat(code).as("one entry was refused").isEqualTo(1);
            try (Db d = Db.open(db)) {
                FeedRow row = new FeedStore(d).get("outlet-down").orElseThrow();
                assertThat(row.active()).isTrue();
                assertThat(row.def().kind()).isEqualTo(FeedDef.Kind.RSS);
                assertThat(row.def().language()).isEqualTo("ar");
                assertThat(row.consecutiveFailures()).isEqualTo(1);
                assertThat(row.lastError()).contains("127.0.0.1");
                assertThat(new FeedStore(d).get("outlet-up").orElseThrow().consecutiveFailures()).isZero();
                assertThat(new FeedStore(d).all()).hasSize(2);
            }

            // polled like any feed: still down, one more failure in a row, and feeds check shows it
            StringWriter poll = new StringWriter();
            cli(poll, "poll", "--once", "--feeds", empty.toString(), "--db", db, "--allow-private-feeds");
            assertThat(poll.toString()).contains("outlet-down", "ERROR").contains("outlet-up");
            try (Db d = Db.open(db)) {
                assertThat(new FeedStore(d).get("outlet-down").orElseThrow().consecutiveFailures()).isEqualTo(2);
            }
        }
    }

    // A loopback port nothing listens on: connections to it are refused at once.
    private static int closedPort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aFileThatIsNotOpmlIsOneClearErrorAndAddsNothing(@TempDir Path dir) throws Exception {
        Path notOpml = dir.resolve("list.opml");
        java.nio.file.Files.writeString(notOpml, "<!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><opml><body><outline xmlUrl=\"&x;\"/></body></opml>");
        Path empty = dir.resolve("empty.yaml");
        java.nio.file.Files.writeString(empty, "feeds: []\n");
        StringWriter err = new StringWriter();
        String db = "jdbc:h2:file:" + dir.resolve("db");
        assertThat(cli(err, "feeds", "import", notOpml.toString(), "--feeds", empty.toString(), "--db", db)).isEqualTo(1);
        assertThat(err.toString()).contains("list.opml: ").contains("DOCTYPE").doesNotContain("root:");
        try (Db d = Db.open(db)) {
            assertThat(new FeedStore(d).all()).isEmpty();
        }
    }

    @Test
    void importReadsOpmlFilesInUtf16Latin1AndWithABomAsTheBotDoes(@TempDir Path dir) throws Exception {
        try (org.treatywatch.fetch.TestHttpServer web = new org.treatywatch.fetch.TestHttpServer()) {
            web.serve("/a.xml", "application/rss+xml", TestFiles.rss(java.util.List.of(new TestFiles.RssItem("1", "خبر", "http://example.invalid/1", "نص"))));
            Path empty = dir.resolve("empty.yaml");
            java.nio.file.Files.writeString(empty, "feeds: []\n");
            String body = "<opml version=\"2.0\"><body><outline type=\"rss\" text=\"Café Zürich\" xmlUrl=\"" + web.url("/a.xml") + "\"/></body></opml>";
            java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
            files.put("utf8-bom", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            files.put("utf16le-bom", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                    ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + body).getBytes(java.nio.charset.StandardCharsets.UTF_16LE)));
            files.put("utf16be", ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + body).getBytes(java.nio.charset.StandardCharsets.UTF_16BE));
            files.put("latin1", ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + body).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            for (var f : files.entrySet()) {
                Path opml = dir.resolve(f.getKey() + ".opml");
                java.nio.file.Files.write(opml, f.getValue());
                StringWriter out = new StringWriter();
                int code = cli(out, "feeds", "import", opml.toString(), "--feeds", empty.toString(),
                        "--db", "jdbc:h2:file:" + dir.resolve("db-" + f.getKey()), "--allow-private-feeds");
                assertThat(out.toString()).as(f.getKey()).contains("added    caf-z-rich", "Café Zürich", "1 of 1 feeds added");
                assertThat(code).as(f.getKey()).isZero();
            }
        }
    }

    @Test
    void importWhileTheServiceHoldsTheDatabaseSaysSoAndChangesNothing(@TempDir Path dir) throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("db");
        try (Db d = Db.open(db)) {
            assertThat(new FeedStore(d).all()).isEmpty();
        }
        Path opml = dir.resolve("feeds.opml");
        java.nio.file.Files.writeString(opml, "<opml version=\"2.0\"><body><outline text=\"A\" xmlUrl=\"https://example.org/rss\"/></body></opml>");
        Path empty = dir.resolve("empty.yaml");
        java.nio.file.Files.writeString(empty, "feeds: []\n");
        // another process holds the embedded database, as a running service does
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), "org.h2.tools.Shell", "-url", db, "-user", "sa")
                .redirectErrorStream(true).start();
        StringBuffer said = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (var in = new java.io.InputStreamReader(holder.getInputStream(), java.nio.charset.StandardCharsets.UTF_8)) {
                for (int c; (c = in.read()) >= 0; ) said.append((char) c);
            } catch (java.io.IOException e) {
                // the holder ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> said.toString().contains("sql>"));
            StringWriter err = new StringWriter();
            int code = cli(err, "feeds", "import", opml.toString(), "--feeds", empty.toString(), "--db", db);
            assertThat(err.toString()).contains("the database is in use by a running treatywatch; stop it, or send the OPML file to the bot")
                    .doesNotContain("Exception").hasLineCount(1);
            assertThat(code).isNotZero();
        } finally {
            holder.getOutputStream().close(); // the shell ends at the end of its input
            if (!holder.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) holder.destroyForcibly();
        }
        try (Db d = Db.open(db)) {
            assertThat(new FeedStore(d).all()).isEmpty();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Runs the CLI with stdout and stderr into out; returns the exit code. */
    static int cli(StringWriter out, String... args) {
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        return cl.execute(args);
    }
}
