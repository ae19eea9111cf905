package org.treatywatch.service;

import org.treatywatch.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.TestFiles.RssItem;
import org.treatywatch.bot.FakeBotApi;
import org.treatywatch.fetch.TestHttpServer;

/**
 * The service in its own JVM at the start script's settings (serial GC, 512 KiB stacks) with a 64 MiB heap, half
 * the script's 128 MiB floor, fed what an attack run found to stop it: a page of 50,000 short paragraphs, a page of 470,000 nested
 * elements, a news sitemap of 50,000 URLs, and an item whose link is 25,000 characters, in the same feed
 * as a good item and beside a good feed. The good items are alerted, nothing dies, /health tells the truth.
 */
class BigInputsTest {
    static final String TOKEN = "123456789:AAbig-inputs-test-token_abcdefghijk";
    static final long USER = 424242;
    static final List<String> SMALL_HEAP_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx64m");

    @TempDir
    Path dir;

    @Test
    void bigPagesSitemapsAndPoisonedLinksLeaveTheGoodItemsAlertedAndTheServiceHealthy() throws Exception {
        try (TestHttpServer web = new TestHttpServer(); FakeBotApi api = new FakeBotApi(TOKEN)) {
            web.serve("/paras.html", "text/html; charset=utf-8", paragraphs(50_000));
            web.serve("/nested.html", "text/html; charset=utf-8", "<html><body>" + "<div>".repeat(470_000) + "x" + "</div>".repeat(470_000) + "</body></html>");
            web.serve("/sitemap.xml", "application/xml", sitemap(web, 50_000));
            // three good items, three different events: each its own story, so each its own alert
            web.serve("/good-g.html", "text/html; charset=utf-8", page("بحث وزير الخارجية الروسي سيرغي لافروف ونظيره الإيراني عباس عراقجي"
                    + " في موسكو تنفيذ معاهدة الشراكة الاستراتيجية الشاملة بين روسيا وإيران."));
            web.serve("/good-m.html", "text/html; charset=utf-8", page("دخلت معاهدة الشراكة الاستراتيجية الشاملة بين روسيا وإيران حيز التنفيذ"
                    + " اليوم بعد تبادل وثائق التصديق في طهران."));
            web.serve("/good-g2.html", "text/html; charset=utf-8", page("بحث وفد روسي في طهران مع مسؤولين إيرانيين تنفيذ معاهدة الشراكة"
                    + " الاستراتيجية الشاملة بين روسيا وإيران في مجال الطاقة."));
            List<RssItem> mixed = new ArrayList<>(List.of(new RssItem("old", "خبر قديم", web.url("/old"), "قديم")));
            List<RssItem> good = new ArrayList<>(List.of(new RssItem("old", "خبر قديم", web.url("/old"), "قديم")));
            web.serve("/mixed.xml", "application/rss+xml; charset=utf-8", TestFiles.rss(mixed));
            web.serve("/good.xml", "application/rss+xml; charset=utf-8", TestFiles.rss(good));
            Path yaml = dir.resolve("feeds.yaml");
            Files.writeString(yaml, "feeds:\n" + feed("mixed", web.url("/mixed.xml"), "rss") + feed("good", web.url("/good.xml"), "rss")
                    + feed("sitemap", web.url("/sitemap.xml"), "sitemap") + TestFiles.shippedTopics(), StandardCharsets.UTF_8);

            int opsPort = freePort();
            Process service = start(api, yaml, opsPort);
            try {
                api.userSends(USER, "/start", "ar");
                api.userSends(USER, "/lang ar", "ar");
                api.userSends(USER, "/subscribe", "ar");
                await().atMost(Duration.ofSeconds(180)).until(() -> api.sentTo(USER).size() >= 3);
                // the first polls only record what the feeds have; a second poll of each means the first was stored
                await().atMost(Duration.ofSeconds(180)).until(() -> web.hits("/mixed.xml") >= 2 && web.hits("/good.xml") >= 2);

                mixed.add(new RssItem("paras", "بوتين وبزشكيان يوقعان معاهدة الشراكة الاستراتيجية في موسكو", web.url("/paras.html"), "الكرملين"));
                mixed.add(new RssItem("nested", "الدوما يصادق على معاهدة الشراكة الاستراتيجية مع إيران", web.url("/nested.html"), "موسكو"));
                mixed.add(new RssItem("poisoned", "مجلس الاتحاد الروسي يصادق على المعاهدة مع إيران", web.url("/long?" + "x".repeat(25_000)), "موسكو"));
                mixed.add(new RssItem("mixed-good", "دخول معاهدة الشراكة الاستراتيجية بين روسيا وإيران حيز التنفيذ", web.url("/good-m.html"), "طهران"));
                good.add(new RssItem("good", "لافروف وعراقجي يبحثان في موسكو تنفيذ معاهدة الشراكة الاستراتيجية", web.url("/good-g.html"), "موسكو"));
                web.serve("/mixed.xml", "application/rss+xml; charset=utf-8", TestFiles.rss(mixed));
                web.serve("/good.xml", "application/rss+xml; charset=utf-8", TestFiles.rss(good));

                await().atMost(Duration.ofSeconds(300)).until(() -> alerted(api, "/good-g.html") && alerted(api, "/good-m.html"));
                assertThat(web.hits("/paras.html")).as("the big page was read").isPositive();
                assertThat(web.hits("/nested.html")).as("the deep page was read").isPositive();
                assertThat(api.sentTo(USER)).noneMatch(s -> s.text().contains("x".repeat(3000)));
                assertThat(service.isAlive()).isTrue();

                HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + opsPort + "/health")).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                assertThat(health.body()).contains("\"sender\":\"UP\"", "\"scheduler\":\"UP\"", "\"updates\":\"UP\"", "\"database\":\"UP\"");
                int sitemapPolls = web.hits("/sitemap.xml");
                await().atMost(Duration.ofSeconds(60)).until(() -> web.hits("/sitemap.xml") > sitemapPolls); // still polled, not dead

                // a later good item is still alerted: the workers went on
                good.add(new RssItem("good-2", "وفد روسي يبحث في طهران تنفيذ معاهدة الشراكة الاستراتيجية بين روسيا وإيران", web.url("/good-g2.html"), "طهران"));
                web.serve("/good.xml", "application/rss+xml; charset=utf-8", TestFiles.rss(good));
                await().atMost(Duration.ofSeconds(300)).until(() -> alerted(api, "/good-g2.html"));
            } catch (AssertionError | RuntimeException e) {
                System.out.println(Files.readString(dir.resolve("service.log"))); // what the service said, for the report
                throw e;
            } finally {
                service.destroy();
                service.waitFor();
            }
            // no worker died: an input too big for the heap is at worst its feed's recorded failure
            assertThat(Files.readString(dir.resolve("service.log"))).doesNotContain("Exception in thread").doesNotContain("sender stopped")
                    .doesNotContain("StackOverflowError");
        }
    }

    private static String page(String paragraph) {
        return "<html><body><article><p>" + paragraph + "</p></article></body></html>";
    }

    private static boolean alerted(FakeBotApi api, String path) {
        return api.sentTo(USER).stream().anyMatch(s -> s.text().contains(path));
    }

    private static String feed(String id, String url, String kind) {
        return "  - id: " + id + "\n    name: " + id + "\n    url: " + url + "\n    kind: " + kind + "\n    language: ar\n    interval: 5s\n";
    }

    private static String paragraphs(int n) {
        StringBuilder sb = new StringBuilder("<html><head><title>صفحة كبيرة</title></head><body><article>");
        for (int i = 0; i < n; i++) sb.append("<p>روسيا وإيران ").append(i).append(" فقرة قصيرة في صفحة طويلة جدا</p>");
        return sb.append("</article></body></html>").toString();
    }

    private static String sitemap(TestHttpServer web, int n) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (int i = 0; i < n; i++) sb.append("<url><loc>").append(web.url("/n/" + i)).append("</loc><lastmod>2026-12-04</lastmod></url>");
        return sb.append("</urlset>").toString();
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private Process start(FakeBotApi api, Path yaml, int opsPort) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(SMALL_HEAP_FLAGS);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.treatywatch.App", "run", "--token", TOKEN,
                "--api-url", api.url(), "--db", "jdbc:h2:file:" + dir.resolve("db"), "--feeds", yaml.toString(), "--templates", "templates",
                "--allow-private-feeds", "--metrics-port", String.valueOf(opsPort)));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectErrorStream(true);
        pb.redirectOutput(new File(dir.toFile(), "service.log"));
        return pb.start();
    }
}
