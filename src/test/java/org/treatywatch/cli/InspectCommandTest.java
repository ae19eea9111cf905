package org.treatywatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** inspect --json prints one object per input with the promised fields, both renderings included. */
class InspectCommandTest {
    static List<JsonNode> run(String... args) throws Exception {
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        int code = cl.execute(args);
        assertThat(code).isZero();
        ObjectMapper json = new ObjectMapper();
        return out.toString().lines().filter(l -> !l.isBlank()).map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
    }

    @Test
    void jsonHasEveryPromisedFieldForTextsPagesAndFeeds() throws Exception {
        List<JsonNode> rows = run("inspect", "--json", "--feeds", "feeds.yaml", "--templates", "templates",
                "--text", "רוסיה ואיראן חתמו על הסכם השותפות\nפוטין ופזשכיאן חתמו במוסקבה על ההסכם.",
                "--text", "מזג האוויר\nגשם בצפון.",
                "src/test/resources/fixtures/ar-treaty-signed.html");
        assertThat(rows).hasSize(3);
        for (JsonNode n : rows) {
            for (String f : List.of("source", "language", "title", "text", "relevant", "score", "evidence")) assertThat(n.has(f)).as(f).isTrue();
            assertThat(n.path("alert").path("he").asText()).startsWith("🔔");
            assertThat(n.path("alert").path("ar").asText()).startsWith("🔔");
        }
        assertThat(rows.get(0).get("relevant").asBoolean()).isTrue();
        assertThat(rows.get(0).get("language").asText()).isEqualTo("he");
        assertThat(rows.get(1).get("relevant").asBoolean()).isFalse();
        assertThat(rows.get(2).get("language").asText()).isEqualTo("ar");
        assertThat(rows.get(2).get("text").asText()).doesNotContain("اقرأ أيضاً").doesNotContain("مقالات ذات صلة");
        assertThat(rows.get(2).get("alert").get("he").asText()).contains("פוטין");
    }

    @Test
    void eventFactsAreInTheJsonWithDatesResolvedAgainstPublished() throws Exception {
        List<JsonNode> rows = run("inspect", "--json", "--feeds", "feeds.yaml", "--templates", "templates", "--published", "2024-10-11",
                "--text", "بوتين يلتقي بزشكيان اليوم في عشق آباد — بحث الرئيسان المعاهدة التي ستوقع قريباً.",
                "--text", "פזשכיאן צפוי לחתום על ההסכם במוסקבה ביום שישי");
        JsonNode talks = rows.get(0).get("event");
        assertThat(talks.get("stage").asText()).isEqualTo("talks");
        assertThat(talks.get("upcoming").asBoolean()).isFalse();
        assertThat(talks.get("people")).extracting(JsonNode::asText).containsExactly("Putin", "Pezeshkian");
        assertThat(talks.get("places")).extracting(JsonNode::asText).containsExactly("Ashgabat", "Turkmenistan");
        assertThat(talks.get("date").asText()).isEqualTo("2024-10-11");
        JsonNode signing = rows.get(1).get("event");
        assertThat(signing.get("stage").asText()).isEqualTo("signing");
        assertThat(signing.get("upcoming").asBoolean()).isTrue();
        assertThat(signing.get("date").asText()).isEqualTo("2024-10-18"); // the Friday after publication
    }

    @Test
    void theTimelineOnTheTerminalIsTextWithoutTagsOrEntities(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("tw");
        try (org.treatywatch.store.Db db = org.treatywatch.store.Db.open(url)) {
            db.tx(c -> {
                try (var st = c.createStatement()) {
                    st.execute("INSERT INTO stories (stage, people, places, event_date, title, language, first_seen, last_seen) "
                            + "VALUES ('signing', 'putin', 'moscow', DATE '2025-01-17', 'Russia & Iran: the treaty <signed>', 'en', "
                            + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                }
                return null;
            });
        }
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("timeline", "--db", url, "--templates", "templates", "--lang", "he")).isZero();
        assertThat(out.toString()).contains("Russia & Iran: the treaty <signed>").doesNotContain("&amp;").doesNotContain("<b>");
    }

    @Test
    void aNewsSitemapIsInspectedLikeAFeed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path sitemap = dir.resolve("news-sitemap.xml");
        java.nio.file.Files.writeString(sitemap, "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
                + "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"><url><loc>https://outlet.example/1</loc><news:news>"
                + "<news:title>بوتين وبزشكيان يوقعان معاهدة الشراكة الاستراتيجية</news:title></news:news></url>"
                + "<url><loc>https://outlet.example/2</loc><news:news><news:title>طقس مشمس في بيروت</news:title></news:news></url></urlset>");
        List<JsonNode> rows = run("inspect", "--json", "--feeds", "feeds.yaml", "--templates", "templates", sitemap.toString());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("items")).hasSize(2);
        assertThat(rows.get(0).get("relevant").asBoolean()).isTrue();
        assertThat(rows.get(0).get("url").asText()).isEqualTo("https://outlet.example/1");
    }
}
