package org.treatywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.TestFiles;
import org.treatywatch.fetch.TestHttpServer;

/**
 * Russian and Persian sources of every kind a maintainer lists (the Kremlin's RSS, an agency's Atom, IRNA's
 * news sitemap, the presidency's page of links), served on 127.0.0.1: `feeds check` reads each, and a
 * dry-run poll turns their report of one signing into alerts written in Hebrew and Arabic, the original
 * folded and labeled Russian or Persian — also when the Russian page comes in windows-1251 under a wrong label.
 */
class SourceLanguagesCheckTest {
    @Test
    void russianAndPersianSourcesOfEveryKindAreReadAndAlertInTheReadersLanguages(@TempDir Path dir) throws Exception {
        try (TestHttpServer web = new TestHttpServer()) {
            String base = web.url("");
            serve(web, "/kremlin.xml", "application/rss+xml; charset=utf-8", "sources/kremlin.rss.xml", base);
            serve(web, "/tass.xml", "application/atom+xml", "sources/tass.atom.xml", base);
            serve(web, "/irna.xml", "application/xml", "sources/irna.sitemap.xml", base);
            serve(web, "/president.html", "text/html; charset=utf-8", "sources/president-ir.page.html", base);
            // the Kremlin's page in windows-1251, served as if it were Latin-1
            web.serve("/ru/signing", "text/html; charset=iso-8859-1",
                    TestFiles.resource("fixtures/sources/ru-signing.html").getBytes(Charset.forName("windows-1251")));
            serve(web, "/fa/signing", "text/html; charset=utf-8", "sources/fa-signing.html", base);
            Path yaml = dir.resolve("feeds.yaml");
            Files.writeString(yaml, "feeds:\n"
                    + "  - {id: kremlin, url: \"" + web.url("/kremlin.xml") + "\", language: ru}\n"
                    + "  - {id: tass, url: \"" + web.url("/tass.xml") + "\", language: ru}\n"
                    + "  - {id: irna, url: \"" + web.url("/irna.xml") + "\", kind: sitemap, language: fa}\n"
                    + "  - {id: president-ir, url: \"" + web.url("/president.html") + "\", kind: page, links: \"h3 a\", language: fa}\n"
                    + TestFiles.shippedTopics());

            String check = PollAndCheckCommandTest.run(new StringWriter(), "feeds", "check", "--feeds", yaml.toString(),
                    "--db", "jdbc:h2:mem:sources", "--allow-private-feeds");
            for (String id : new String[] {"kremlin", "tass", "irna", "president-ir"}) {
                assertThat(check.lines().filter(l -> l.startsWith(id + " ")).findFirst()).as(check)
                        .hasValueSatisfying(l -> assertThat(l).contains(" ok ").doesNotContain("ERROR"));
            }

            String out = PollAndCheckCommandTest.run(new StringWriter(), "poll", "--once", "--dry-run", "--feeds", yaml.toString(),
                    "--db", "jdbc:h2:file:" + dir.resolve("db"), "--templates", "templates", "--allow-private-feeds");
            assertThat(out).contains("---- alert (he) ----", "---- alert (ar) ----")
                    // the headline is generated in the reader's language from the event, whatever the source's
                    .contains("חתמו", "פוטין", "פזשכיאן", "وقّع", "بوتين")
                    .contains("המקור ברוסית", "النص الأصلي بالروسية", "המקור בפרסית", "النص الأصلي بالفارسية")
                    // the windows-1251 page read as Russian, not as Latin-1 noise
                    .contains("Договор о всеобъемлющем стратегическом партнёрстве")
                    .doesNotContain("Совещание с членами Правительства\n  ---- alert", "ожидается снегопад\n  ---- alert");
        }
    }

    private static void serve(TestHttpServer web, String path, String type, String fixture, String base) {
        web.serve(path, type, TestFiles.resource("fixtures/" + fixture).replace("BASE", base));
    }
}
