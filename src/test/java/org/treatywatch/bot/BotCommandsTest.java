package org.treatywatch.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.service.Service;
import org.treatywatch.TestFiles;
import org.treatywatch.config.AppConfig;
import org.treatywatch.fetch.TestHttpServer;
import org.treatywatch.store.Chat;
import org.treatywatch.store.ChatStore;
import org.treatywatch.store.FeedRow;
import org.treatywatch.store.Subscription;

/** Every command, through the real bot, the TelegramBots client and the fake Bot API server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BotCommandsTest {
    static final String TOKEN = "123456789:AAbot-commands-test-token_abcdefghij";
    static final long ADMIN = 900;
    static final AtomicLong USERS = new AtomicLong(5000);

    @TempDir
    static Path dir;
    TestHttpServer web;
    FakeBotApi telegram;
    Service service;

    @BeforeAll
    void start() throws Exception {
        web = new TestHttpServer();
        web.serve("/feed.xml", "application/rss+xml", TestFiles.rss(List.of(
                new TestFiles.RssItem("1", "خبر", "http://example.invalid/1", "نص"))));
        web.serve("/other.xml", "application/rss+xml", TestFiles.rss(List.of(
                new TestFiles.RssItem("a", "חדשות", "http://example.invalid/a", "טקסט"),
                new TestFiles.RssItem("b", "עוד", "http://example.invalid/b", "טקסט"))));
        telegram = new FakeBotApi(TOKEN);
        Path yaml = TestFiles.feedsYaml(dir, "main-feed", web.url("/feed.xml"), "ar", "10m");
        service = Service.start(AppConfig.fromEnv(Map.of()).withToken(TOKEN).withApiUrl(telegram.url()).withAdmins(Set.of(ADMIN))
                .withDbUrl("jdbc:h2:file:" + dir.resolve("db")).withFeedsPath(yaml).withTemplatesDir(Path.of("templates"))
                .withAllowPrivateFeeds(true));
    }

    @AfterAll
    void stop() {
        service.close();
        telegram.close();
        web.close();
    }

    static long newUser() {
        return USERS.incrementAndGet();
    }

    /** Sends a message and returns the bot's answer. */
    String ask(long user, String text, String lang) {
        int before = telegram.sentTo(user).size();
        telegram.userSends(user, text, lang);
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.sentTo(user).size() > before);
        return telegram.sentTo(user).get(before).text();
    }

    String ask(long user, String text) {
        return ask(user, text, "he");
    }

    String press(long user, String data) {
        int before = telegram.sentTo(user).size();
        telegram.userPresses(user, data);
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.sentTo(user).size() > before);
        return telegram.sentTo(user).get(before).text();
    }

    ChatStore chats() {
        return service.pipeline().chats();
    }

    @Test
    void startGreetsInTheUsersLanguageOrAsksWithButtons() {
        long he = newUser(), ar = newUser(), other = newUser();
        assertThat(ask(he, "/start", "he")).startsWith("שלום!");
        assertThat(ask(ar, "/start", "ar")).startsWith("مرحبًا!");
        assertThat(ask(other, "/start", "en")).contains("באיזו שפה").contains("بأي لغة");
        assertThat(telegram.sentTo(other).get(0).request().path("reply_markup").toString()).contains("lang:he", "lang:ar");
        assertThat(press(other, "lang:ar")).startsWith("سأكتب لك بالعربية");
        assertThat(chats().get(other).orElseThrow().language()).isEqualTo("ar");
        assertThat(telegram.calls()).contains("answercallbackquery");
    }

    @Test
    void helpAndLang() {
        long u = newUser();
        assertThat(ask(u, "/help")).contains("/subscribe").doesNotContain("/addfeed");
        assertThat(ask(ADMIN, "/help")).contains("/addfeed", "/stats");
        assertThat(ask(u, "/lang ar")).startsWith("سأكتب لك بالعربية");
        assertThat(ask(u, "/lang fr")).contains("/lang ar");
        assertThat(ask(u, "/lang he")).startsWith("מעכשיו אכתוב לכם בעברית");
        assertThat(ask(u, "/lang")).contains("באיזו שפה");
        assertThat(ask(u, "/help me")).contains("ללא פרמטרים");
    }

    @Test
    void subscribeListRemoveAndUnsubscribe() {
        long u = newUser();
        assertThat(ask(u, "/subscribe")).startsWith("✅");
        assertThat(ask(u, "/subscribe")).contains("כבר רשומים");
        assertThat(ask(u, "/subscribe معاهدة -الصين @bbc-arabic")).contains("נרשמתם למסנן");
        List<Subscription> subs = chats().subscriptions(u);
        assertThat(subs).extracting(Subscription::filter).containsExactly("", "معاهدة -الصين @bbc-arabic");
        String list = ask(u, "/list");
        assertThat(list).contains("#" + subs.get(0).id(), "#" + subs.get(1).id());
        assertThat(telegram.sentTo(u).get(telegram.sentTo(u).size() - 1).request().path("reply_markup").toString())
                .contains("unsub:" + subs.get(1).id());
        assertThat(press(u, "unsub:" + subs.get(1).id())).contains("#" + subs.get(1).id());
        assertThat(chats().subscriptions(u)).hasSize(1);
        assertThat(ask(u, "/unsubscribe 999999")).contains("לא נמצא");
        assertThat(ask(u, "/unsubscribe x y")).contains("/unsubscribe");
        assertThat(ask(u, "/unsubscribe all")).contains("בוטל מינוי אחד");
        assertThat(ask(u, "/list")).contains("אין לכם מינויים");
    }

    @Test
    void aChatHasAtMostTwentySubscriptions() {
        long u = newUser();
        ask(u, "/start", "he");
        for (int i = 0; i < ChatStore.MAX_SUBSCRIPTIONS; i++) chats().subscribe(u, "מילה" + i);
        assertThat(ask(u, "/subscribe עוד")).contains("עד 20 מינויים");
        assertThat(chats().subscriptions(u)).hasSize(20);
    }

    @Test
    void muteDigestTimeZoneAndStop() {
        long u = newUser();
        assertThat(ask(u, "/mute 2h")).contains("מושתקות עד");
        assertThat(chats().get(u).orElseThrow().mutedUntil()).isPresent();
        assertThat(ask(u, "/mute soon")).contains("/mute 2h");
        assertThat(ask(u, "/mute 9999999999999999d")).contains("/mute 2h");
        assertThat(ask(u, "/unmute")).contains("חזרו");
        assertThat(chats().get(u).orElseThrow().mutedUntil()).isEmpty();
        assertThat(ask(u, "/tz Asia/Jerusalem")).contains("Asia/Jerusalem");
        assertThat(ask(u, "/tz Mars/Olympus")).contains("/tz Asia/Jerusalem");
        assertThat(ask(u, "/digest 8:30")).contains("08:30").contains("Asia/Jerusalem");
        assertThat(ask(u, "/digest 25:00")).contains("/digest 08:30");
        Chat c = chats().get(u).orElseThrow();
        assertThat(c.digestTime()).contains("08:30");
        assertThat(ask(u, "/digest off")).contains("מיידיות");
        assertThat(chats().get(u).orElseThrow().digestTime()).isEmpty();
        ask(u, "/subscribe");
        assertThat(ask(u, "/stop")).contains("נמחק");
        assertThat(chats().get(u)).isEmpty();
        assertThat(chats().subscriptions(u)).isEmpty();
    }

    @Test
    void adminCommandsAreRefusedToOthersAndChangeNothing() {
        long u = newUser();
        for (String cmd : List.of("/feeds", "/addfeed " + web.url("/other.xml"), "/removefeed main-feed", "/pausefeed main-feed",
                "/stats", "/reload", "/pollnow main-feed", "/resumefeed main-feed")) {
            assertThat(ask(u, cmd)).as(cmd).contains("שמורה למנהלי הבוט");
        }
        assertThat(service.pipeline().feeds().all()).extracting(FeedRow::id).containsExactly("main-feed");
    }

    @Test
    void adminsManageFeeds() {
        assertThat(ask(ADMIN, "/feeds")).contains("main-feed");
        assertThat(ask(ADMIN, "/addfeed")).contains("/addfeed");
        assertThat(ask(ADMIN, "/addfeed file:///etc/passwd")).startsWith("❌").contains("אינה כתובת http").contains("only allowed in feeds.yaml");
        assertThat(ask(ADMIN, "/addfeed ftp://example.com/x")).startsWith("❌").contains("אינה כתובת http");
        assertThat(ask(ADMIN, "/addfeed " + web.url("/feed.xml") + " Bad_Id")).startsWith("❌");
        assertThat(ask(ADMIN, "/addfeed " + web.url("/other.xml") + " other-feed he 15m")).startsWith("✅").contains("other-feed").contains("2");
        FeedRow added = service.pipeline().feeds().get("other-feed").orElseThrow();
        assertThat(added.origin()).isEqualTo(FeedRow.ORIGIN_BOT);
        assertThat(service.scheduling().scheduledFeeds()).contains("other-feed", "main-feed");
        assertThat(ask(ADMIN, "/pausefeed other-feed")).contains("הושהה");
        await().atMost(Duration.ofSeconds(5)).until(() -> !service.scheduling().scheduledFeeds().contains("other-feed"));
        assertThat(ask(ADMIN, "/resumefeed other-feed")).contains("חודש");
        assertThat(service.scheduling().scheduledFeeds()).contains("other-feed");
        assertThat(ask(ADMIN, "/pollnow other-feed")).contains("ייבדק עכשיו");
        assertThat(ask(ADMIN, "/pollnow nosuch")).contains("לא נמצא מקור");
        assertThat(ask(ADMIN, "/removefeed other-feed")).contains("הוסר");
        assertThat(service.pipeline().feeds().get("other-feed")).isEmpty();
        assertThat(ask(ADMIN, "/stats")).contains("צ'אטים פעילים").contains("בתור").containsPattern("גודל מסד הנתונים: .*\\d+\\.\\d MB");
        assertThat(ask(ADMIN, "/reload")).contains("נטענו מחדש").contains("מקור אחד");
    }

    @Test
    void adminsAddOutletPagesAndSitemapsAndAreOfferedTheFeedAPageAdvertises() throws Exception {
        web.serve("/news/", "text/html; charset=utf-8", "<html><body><h3><a href=\"/news/1\">روسيا وإيران</a></h3>"
                + "<h3><a href=\"/news/2\">خبر آخر</a></h3><nav><a href=\"/about\">about</a></nav></body></html>");
        web.serve("/sitemap-news.xml", "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                <url><loc>%s</loc><news:news><news:publication><news:name>x</news:name><news:language>ar</news:language></news:publication>
                <news:publication_date>2025-01-17T10:00:00+03:00</news:publication_date><news:title>بوتين وبزشكيان يوقعان المعاهدة</news:title></news:news></url>
                </urlset>""".formatted(web.url("/news/1")));
        web.serve("/with-feed/", "text/html", "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\"></head><body>x</body></html>");
        web.serve("/nothing.json", "application/json", "{\"a\": 1}");
        String page = ask(ADMIN, "/addfeed " + web.url("/news/") + " outlet-page ar");
        assertThat(page).startsWith("✅").contains("outlet-page").contains("page");
        assertThat(service.pipeline().feeds().get("outlet-page").orElseThrow().def().kind()).isEqualTo(org.treatywatch.config.FeedDef.Kind.PAGE);
        String sitemap = ask(ADMIN, "/addfeed " + web.url("/sitemap-news.xml") + " outlet-sitemap");
        assertThat(sitemap).startsWith("✅").contains("sitemap").contains("(שפה ar");
        String offer = ask(ADMIN, "/addfeed " + web.url("/with-feed/") + " advertised");
        assertThat(offer).startsWith("💡").contains(web.url("/feed.xml"));
        assertThat(service.pipeline().feeds().get("advertised")).isEmpty();
        assertThat(ask(ADMIN, "/addfeed " + web.url("/nothing.json") + " nothing")).startsWith("❌").contains("אין פיד");
        assertThat(ask(ADMIN, "/addfeed http://127.0.0.1:9/x unreachable")).startsWith("❌").contains("לא ניתן היה להוריד");
        assertThat(ask(ADMIN, "/addfeed " + web.url("/feed.xml") + " main-feed")).startsWith("❌").contains("כבר בשימוש");
        assertThat(ask(ADMIN, "/removefeed outlet-page")).contains("הוסר");
        assertThat(ask(ADMIN, "/removefeed outlet-sitemap")).contains("הוסר");
    }

    @Test
    void adminsImportAnOpmlFileEntryByEntryAndExportTheListAsOpmlAndYaml() throws Exception {
        web.serve("/opml-a.xml", "application/rss+xml", TestFiles.rss(List.of(new TestFiles.RssItem("x", "خبر", "http://example.invalid/x", "نص"))));
        web.serve("/opml-b.xml", "application/rss+xml", TestFiles.rss(List.of(new TestFiles.RssItem("y", "חדשות", "http://example.invalid/y", "ט"))));
        String opml = "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>mine</title></head><body>"
                + "<outline text=\"Middle East\"><outline type=\"rss\" text=\"Outlet A\" xmlUrl=\"" + web.url("/opml-a.xml") + "\"/>"
                + "<outline type=\"rss\" text=\"Outlet B\" language=\"he-IL\" xmlUrl=\"" + web.url("/opml-b.xml") + "\"/></outline>"
                + "<outline type=\"rss\" text=\"Local file\" xmlUrl=\"file:///etc/passwd\"/>"
                + "<outline type=\"rss\" text=\"Already here\" xmlUrl=\"" + web.url("/feed.xml") + "\"/>"
                + "</body></opml>";
        int before = telegram.sentTo(ADMIN).size();
        telegram.userSendsDocument(ADMIN, "feeds.opml", opml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "he");
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.sentTo(ADMIN).size() > before);
        String report = telegram.sentTo(ADMIN).get(before).text();
        assertThat(report).contains("ייבוא OPML", "נוספו 2 מתוך 4", "Outlet A", "Outlet B", "Local file", "Already here")
                .contains("אינה כתובת http", "כבר ברשימה");
        assertThat(service.pipeline().feeds().all()).extracting(f -> f.def().name()).contains("Outlet A", "Outlet B");
        assertThat(service.pipeline().feeds().all()).filteredOn(f -> f.def().name().equals("Outlet B"))
                .singleElement().satisfies(f -> assertThat(f.def().language()).isEqualTo("he"));
        assertThat(service.scheduling().scheduledFeeds()).hasSizeGreaterThanOrEqualTo(3);

        int docs = telegram.documents().size();
        telegram.userSends(ADMIN, "/export", "he");
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.documents().size() >= docs + 2);
        FakeBotApi.Document exported = telegram.documents().get(docs);
        assertThat(exported.fileName()).isEqualTo("feeds.opml");
        assertThat(exported.caption()).contains("מקורות");
        List<org.treatywatch.config.Opml.Entry> back = org.treatywatch.config.Opml.read(exported.content());
        assertThat(back).extracting(org.treatywatch.config.Opml.Entry::url).contains(web.url("/opml-a.xml"), web.url("/opml-b.xml"), web.url("/feed.xml"));
        assertThat(telegram.documents().get(docs + 1).fileName()).isEqualTo("feeds.yaml");
        assertThat(telegram.documents().get(docs + 1).content()).contains("Outlet A", "origin: bot", "main-feed");

        // Not OPML at all: one clear line, nothing added; a non-admin's file changes nothing either.
        int count = service.pipeline().feeds().all().size();
        int again = telegram.sentTo(ADMIN).size();
        telegram.userSendsDocument(ADMIN, "notes.txt", "just some notes".getBytes(java.nio.charset.StandardCharsets.UTF_8), "ar");
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.sentTo(ADMIN).size() > again);
        assertThat(telegram.sentTo(ADMIN).get(again).text()).contains("OPML").contains("❌");
        long stranger = newUser();
        telegram.userSendsDocument(stranger, "feeds.opml", opml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "he");
        await().atMost(Duration.ofSeconds(20)).until(() -> !telegram.sentTo(stranger).isEmpty());
        assertThat(service.pipeline().feeds().all()).hasSize(count);
        for (var f : service.pipeline().feeds().all()) if (f.def().name().startsWith("Outlet ")) service.pipeline().feeds().remove(f.id());
    }

    @Test
    void anImportKeepsAFeedThatIsDownReportsItAndTheSchedulerRetriesIt() throws Exception {
        web.serve("/opml-up.xml", "application/rss+xml", TestFiles.rss(List.of(new TestFiles.RssItem("u", "خبر", "http://example.invalid/u", "نص"))));
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort(); // nothing listens there once it is closed: connections are refused
        }
        String opml = "<?xml version=\"1.0\"?><opml version=\"2.0\"><body>"
                + "<outline type=\"rss\" text=\"Outlet Up\" xmlUrl=\"" + web.url("/opml-up.xml") + "\"/>"
                + "<outline type=\"rss\" text=\"Outlet Down\" treatywatchInterval=\"5s\" xmlUrl=\"http://127.0.0.1:" + closed + "/rss.xml\"/>"
                + "<outline type=\"rss\" text=\"Outlet Gopher\" xmlUrl=\"gopher://example.org/rss\"/>"
                + "</body></opml>";
        try {
            for (String lang : List.of("ar", "he")) { // the same file again in the other language, into a list without it
                service.pipeline().feeds().all().stream().filter(f -> f.def().name().startsWith("Outlet "))
                        .forEach(f -> service.pipeline().feeds().remove(f.id()));
                ask(ADMIN, "/lang " + lang);
                int before = telegram.sentTo(ADMIN).size();
                telegram.userSendsDocument(ADMIN, "feeds.opml", opml.getBytes(java.nio.charset.StandardCharsets.UTF_8), lang);
                await().atMost(Duration.ofSeconds(30)).until(() -> telegram.sentTo(ADMIN).size() > before);
                String report = telegram.sentTo(ADMIN).get(before).text();
                assertThat(report.lines().filter(l -> l.contains("✅"))).as(report).singleElement().asString().contains("outlet-up", "Outlet Up");
                assertThat(report.lines().filter(l -> l.contains("⚠️"))).as(report).singleElement().asString()
                        .contains("outlet-down", "Outlet Down", "127.0.0.1:" + closed);
                if (lang.equals("he")) {
                    assertThat(report).contains("נוספו 2 מתוך 3", "1 מהם אינם זמינים כרגע", "נוסף, אך אינו זמין כרגע",
                            "Outlet Gopher", "זו אינה כתובת http או https תקינה.");
                } else {
                    assertThat(report).contains("أُضيف 2 من 3", "منها 1 غير متاحة الآن", "أُضيف، لكنه غير متاح الآن",
                            "Outlet Gopher", "ليس عنوان http أو https صالحاً");
                }
            }
            assertThat(service.pipeline().feeds().all()).extracting(f -> f.def().name()).contains("Outlet Up", "Outlet Down")
                    .doesNotContain("Outlet Gopher");
            assertThat(service.scheduling().scheduledFeeds()).contains("outlet-up", "outlet-down");

            // the scheduler tries it again, with back-off, and /feeds shows it failing like any feed that went down
            await().atMost(Duration.ofSeconds(60)).until(() -> service.pipeline().feeds().get("outlet-down").orElseThrow().consecutiveFailures() >= 2);
            String feeds = String.join("\n", askInParts(ADMIN, "/feeds", all -> all.contains("<code>outlet-down</code>")));
            String entry = feeds.substring(feeds.indexOf("<code>outlet-down</code>") - 3);
            assertThat(entry).startsWith("🔴 ").contains("שגיאה (").contains("127.0.0.1:" + closed);
        } finally {
            for (var f : service.pipeline().feeds().all()) if (f.def().name().startsWith("Outlet ")) service.pipeline().feeds().remove(f.id());
            service.scheduling().sync(service.pipeline().feeds().all());
        }
    }

    @Test
    void hostileNamesAreCleanedAtTheDoorAndBothExportsLoadAgain() throws Exception {
        for (int i = 1; i <= 4; i++) {
            web.serve("/hostile-" + i + ".xml", "application/rss+xml",
                    TestFiles.rss(List.of(new TestFiles.RssItem("h" + i, "خبر", "http://example.invalid/h" + i, "نص"))));
        }
        String opml = "<?xml version=\"1.0\"?><opml version=\"2.0\"><body>"
                + "<outline type=\"rss\" text=\"Outlet&#10;---&#10;id: injected\" xmlUrl=\"" + web.url("/hostile-1.xml") + "\"/>"
                + "<outline type=\"rss\" text=\"Two&#133;&#144;&#x202E;&#x2066; # comment: x\" xmlUrl=\"" + web.url("/hostile-2.xml") + "\"/>"
                + "<outline type=\"rss\" text=\"Three ' &quot; \\ forever\" treatywatchInterval=\"9999999999999999d\" xmlUrl=\""
                + web.url("/hostile-3.xml") + "\"/>"
                + "<outline type=\"rss\" text=\"Four " + "x".repeat(500) + "\" xmlUrl=\"" + web.url("/hostile-4.xml") + "\"/>"
                + "</body></opml>";
        int before = telegram.sentTo(ADMIN).size();
        telegram.userSendsDocument(ADMIN, "hostile.opml", opml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "he");
        await().atMost(Duration.ofSeconds(30)).until(() -> telegram.sentTo(ADMIN).size() > before);
        assertThat(telegram.sentTo(ADMIN).get(before).text()).contains("נוספו 3 מתוך 4", "התדירות צריכה להיות בין 5s ל-24h", "too long");
        try {
            int docs = telegram.documents().size();
            telegram.userSends(ADMIN, "/export", "he");
            await().atMost(Duration.ofSeconds(20)).until(() -> telegram.documents().size() >= docs + 2);
            org.treatywatch.config.FeedsFile.Loaded yaml = org.treatywatch.config.FeedsFile.parse("feeds.yaml",
                    telegram.documents().get(docs + 1).content());
            assertThat(yaml.errors()).isEmpty();
            assertThat(yaml.feeds()).extracting(org.treatywatch.config.FeedDef::name)
                    .contains("Outlet --- id: injected", "Two # comment: x").noneMatch(n -> n.chars().anyMatch(Character::isISOControl))
                    .anyMatch(n -> n.startsWith("Four xxx") && n.length() <= org.treatywatch.config.FeedDef.MAX_NAME_CHARS)
                    .noneMatch(n -> n.contains("\u202E") || n.contains("\u2066"));
            String exported = telegram.documents().get(docs).content();
            assertThat(org.treatywatch.config.Opml.read(exported)).extracting(org.treatywatch.config.Opml.Entry::title)
                    .contains("Outlet --- id: injected", "Two # comment: x");

            int again = telegram.sentTo(ADMIN).size();
            telegram.userSendsDocument(ADMIN, "feeds.opml", exported.getBytes(java.nio.charset.StandardCharsets.UTF_8), "he");
            await().atMost(Duration.ofSeconds(30)).until(() -> telegram.sentTo(ADMIN).size() > again);
            assertThat(telegram.sentTo(ADMIN).get(again).text()).contains("ייבוא OPML", "כבר ברשימה").doesNotContain("אינו OPML");
        } finally {
            for (var f : service.pipeline().feeds().all()) if (f.def().url().contains("/hostile-")) service.pipeline().feeds().remove(f.id());
        }
    }

    @Test
    void badInputGetsAClearReplyAndChangesNothing() {
        long u = newUser();
        assertThat(ask(u, "/frobnicate")).contains("/frobnicate").contains("/help");
        assertThat(ask(u, "/subscribe " + "א".repeat(201))).contains("ארוך מדי");
        assertThat(ask(u, "/subscribe " + "מילה ".repeat(21))).contains("יותר מדי מילים");
        assertThat(ask(u, "/subscribe '); DROP TABLE chats;--")).contains("מסנן יכול להכיל רק");
        assertThat(ask(u, "/subscribe <b>bold</b>")).contains("מסנן יכול להכיל רק");
        assertThat(ask(u, "/subscribe abc\u202Edef")).contains("תווי כיווניות");
        assertThat(chats().subscriptions(u)).isEmpty();
        assertThat(ask(u, "just some text")).contains("/subscribe");
    }

    @Test
    void aCommandFloodIsSlowedDown() {
        long u = newUser();
        for (int i = 0; i < 40; i++) telegram.userSends(u, "/help", "he");
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.sentTo(u).stream().anyMatch(s -> s.text().contains("יותר מדי פקודות")));
        int replies = telegram.sentTo(u).size();
        assertThat(replies).isLessThanOrEqualTo(CommandRateLimit.BURST + 1);
    }

    @Test
    void aBrokenFeedsYamlEditIsToldToAdminsAndTheNextGoodEditIsStillPickedUp() throws Exception {
        ask(ADMIN, "/start");
        Path yaml = dir.resolve("feeds.yaml");
        String good = java.nio.file.Files.readString(yaml);
        int before = telegram.sentTo(ADMIN).size();
        try {
            write(yaml, "feeds: &a [*a, *a]\n"); // a self-referencing alias
            await().atMost(Duration.ofSeconds(30)).until(() -> telegram.sentTo(ADMIN).stream().skip(before).anyMatch(m -> m.text().contains("שגיאות")));
            write(yaml, good.replaceFirst("feeds:\n", "feeds:\n  - id: extra-feed\n    url: " + web.url("/other.xml") + "\n    language: he\n"));
            await().atMost(Duration.ofSeconds(30)).until(() -> service.pipeline().feeds().get("extra-feed").isPresent());
        } finally {
            write(yaml, good);
            await().atMost(Duration.ofSeconds(30)).until(() -> service.pipeline().feeds().get("extra-feed").isEmpty());
        }
    }

    // the watcher compares modification times: move them on explicitly, file systems round them
    private static final AtomicLong EDITS = new AtomicLong();

    static void write(Path p, String text) throws java.io.IOException {
        java.nio.file.Files.writeString(p, text);
        java.nio.file.Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().plusSeconds(60 * EDITS.incrementAndGet())));
    }

    @Test
    void plainTextFloodsAreLimitedBeforeAnyReplyAndOthersAreStillServed() {
        long flooder = newUser(), other = newUser();
        long start = System.nanoTime();
        for (int i = 0; i < 300; i++) telegram.userSends(flooder, "hello " + i, "he");
        await().atMost(Duration.ofSeconds(30)).until(() -> telegram.sentTo(flooder).stream().anyMatch(s -> s.text().contains("יותר מדי פקודות")));
        assertThat(ask(other, "/start")).isNotEmpty(); // updates are taken in order: the flood is behind us
        // 20 at once and a warning; on a busy machine the flood takes seconds to read, and each second
        // refills one command (and may earn one more warning): the bound follows the time it took, not a guess
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds() + 1;
        assertThat(telegram.sentTo(flooder).size()).isLessThanOrEqualTo(CommandRateLimit.BURST + 1 + (int) (2 * seconds * 1000 / CommandRateLimit.REFILL_MILLIS))
                .isLessThan(300); // exact counts on a controlled clock: CommandRateLimitTest
    }

    /** Sends a message and collects the bot's answer, as many messages as it takes, until {@code complete} holds for them joined. */
    List<String> askInParts(long user, String text, java.util.function.Predicate<String> complete) {
        int before = telegram.sentTo(user).size();
        telegram.userSends(user, text, "he");
        await().atMost(Duration.ofSeconds(30)).until(() -> complete.test(joined(user, before)));
        return telegram.sentTo(user).stream().skip(before).map(FakeBotApi.Sent::text).toList();
    }

    private String joined(long user, int from) {
        return String.join("\n", telegram.sentTo(user).stream().skip(from).map(FakeBotApi.Sent::text).toList());
    }

    @Test
    void aFeedListOfHundredsComesInPartsTelegramAcceptsWithEveryFeed() {
        List<String> ids = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                String id = "a-rather-long-feed-identifier-of-an-outlet-number-" + i;
                ids.add(id);
                service.pipeline().feeds().add(new org.treatywatch.config.FeedDef(id, "Outlet " + i, "https://example.com/" + i + ".xml",
                        org.treatywatch.config.FeedDef.Kind.RSS, "ar", Duration.ofMinutes(10), true, java.util.Optional.empty()), FeedRow.ORIGIN_BOT);
            }
            telegram.failNext("sendmessage", 1); // Telegram's per-chat limit met halfway: waited out, nothing lost
            List<String> parts = askInParts(ADMIN, "/feeds", all -> ids.stream().allMatch(id -> all.contains("<code>" + id + "</code>")));
            assertThat(parts).hasSizeGreaterThan(1)
                    .allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(FakeBotApi.MAX_TEXT));
            assertThat(parts.get(0)).startsWith("<b>מקורות (301)</b>");
        } finally {
            ids.forEach(id -> service.pipeline().feeds().remove(id));
        }
    }

    @Test
    void anImportReportOfManyEntriesComesInPartsWithEveryEntry() {
        StringBuilder opml = new StringBuilder("<?xml version=\"1.0\"?><opml version=\"2.0\"><body>");
        for (int i = 0; i < 150; i++) {
            opml.append("<outline type=\"rss\" text=\"Entry ").append(i).append(' ').append("very long name ".repeat(40))
                    .append("\" xmlUrl=\"file:///etc/passwd-").append(i).append("\"/>");
        }
        opml.append("</body></opml>");
        int before = telegram.sentTo(ADMIN).size();
        telegram.userSendsDocument(ADMIN, "many.opml", opml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "he");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String all = joined(ADMIN, before);
            return java.util.stream.IntStream.range(0, 150).allMatch(i -> all.contains("Entry " + i + " very long name"));
        });
        List<String> parts = telegram.sentTo(ADMIN).stream().skip(before).map(FakeBotApi.Sent::text).toList();
        assertThat(parts.get(0)).contains("נוספו 0 מתוך 150");
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(FakeBotApi.MAX_TEXT));
        assertThat(String.join("\n", parts)).doesNotContain("very long name ".repeat(10)).contains("…");
    }

    @Test
    void theTimelineAndSearchWithLongTitlesArriveWithEachTitleClipped() {
        long u = newUser();
        var db = service.pipeline().db();
        java.time.Instant now = java.time.Instant.now();
        List<Long> stories = new java.util.ArrayList<>();
        db.tx(c -> {
            for (int i = 0; i < 15; i++) {
                String title = "פזשכיאן סיפור" + i + " " + "כותרת ארוכה מאוד ".repeat(60);
                try (var ps = c.prepareStatement("INSERT INTO stories (stage, people, places, title, language, first_seen, last_seen) "
                        + "VALUES ('signing', '', '', ?, 'he', ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, title.substring(0, 1000));
                    ps.setObject(2, now.atOffset(java.time.ZoneOffset.UTC));
                    ps.setObject(3, now.atOffset(java.time.ZoneOffset.UTC));
                    ps.executeUpdate();
                    try (var keys = ps.getGeneratedKeys()) {
                        keys.next();
                        stories.add(keys.getLong(1));
                    }
                }
                try (var ps = c.prepareStatement("INSERT INTO items (feed_id, guid, url, title, language, status, score, evidence, story_id, outlet) "
                        + "VALUES ('main-feed', ?, ?, ?, 'he', 'relevant', 0.9, ?, ?, 'Long Outlet')")) {
                    ps.setString(1, "long-" + i);
                    ps.setString(2, "https://example.com/long/" + i);
                    ps.setString(3, title.substring(0, 1000));
                    ps.setString(4, title.substring(0, 1000));
                    ps.setLong(5, stories.get(i));
                    ps.executeUpdate();
                }
            }
            return null;
        });
        try {
            List<String> timeline = askInParts(u, "/timeline",
                    all -> java.util.stream.IntStream.range(0, 15).allMatch(i -> all.contains("סיפור" + i + " ")));
            assertThat(timeline).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(FakeBotApi.MAX_TEXT));
            assertThat(String.join("\n", timeline)).doesNotContain("כותרת ארוכה מאוד ".repeat(30)).contains("…");

            List<String> search = askInParts(u, "/search פזשכיאן", all -> all.contains("עמוד 1 מתוך 3") && all.split("https://example.com/long/", -1).length > 5);
            assertThat(search).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(FakeBotApi.MAX_TEXT));
            assertThat(String.join("\n", search)).doesNotContain("כותרת ארוכה מאוד ".repeat(30)).contains("…");
        } finally {
            db.tx(c -> {
                try (var st = c.createStatement()) {
                    st.executeUpdate("DELETE FROM items WHERE guid LIKE 'long-%'");
                    st.executeUpdate("DELETE FROM stories WHERE title LIKE 'פזשכיאן סיפור%'");
                }
                return null;
            });
        }
    }

    @Test
    void buttonFloodsAreLimitedBeforeAnyAnswerAndOthersAreStillServed() {
        long flooder = newUser(), other = newUser();
        ask(flooder, "/start", "he");
        long answeredBefore = telegram.calls().stream().filter(c -> c.equals("answercallbackquery")).count();
        long t0 = System.nanoTime();
        for (int i = 0; i < 500; i++) telegram.userPresses(flooder, "lang:he");
        // updates are handled in order: once the other user's /start is answered, the whole flood has been handled
        assertThat(ask(other, "/start", "he")).startsWith("שלום!");
        long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
        long answered = telegram.calls().stream().filter(c -> c.equals("answercallbackquery")).count() - answeredBefore;
        // the bucket: a burst, then one a second while the flood lasted
        long allowed = CommandRateLimit.BURST + seconds + 1;
        assertThat(answered).as("callback answers for 500 presses").isLessThanOrEqualTo(allowed);
        assertThat(telegram.sentTo(flooder).size() - 1L).as("replies to 500 presses").isLessThanOrEqualTo(allowed + 1);
        assertThat(telegram.sentTo(flooder)).anyMatch(s -> s.text().contains("יותר מדי פקודות"));
    }

    @Test
    void anEndlessCommandNameIsRefusedWithAShortReply() {
        long u = newUser();
        String reply = ask(u, "/" + "x".repeat(5000));
        assertThat(reply).contains("ארוך מדי").hasSizeLessThan(300);
    }

    @Test
    void inGroupsOnlyAdminsChangeSettingsAndMigrationsAndRemovalsAreFollowed() {
        long group = -100_000 - newUser(), member = newUser(), admin = newUser();
        telegram.setMemberStatus(String.valueOf(group), admin, "administrator");
        int before = telegram.sentTo(group).size();
        telegram.userSendsInGroup(group, member, "/subscribe");
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.sentTo(group).size() > before);
        assertThat(telegram.sentTo(group).get(before).text()).contains("لمشرفي المجموعة");
        assertThat(chats().subscriptions(group)).isEmpty();
        telegram.userSendsInGroup(group, admin, "/subscribe");
        await().atMost(Duration.ofSeconds(20)).until(() -> chats().subscriptions(group).size() == 1);

        long upgraded = group - 1_000_000;
        telegram.groupMigrates(group, upgraded);
        await().atMost(Duration.ofSeconds(20)).until(() -> chats().get(upgraded).isPresent());
        assertThat(chats().get(group)).isEmpty();
        assertThat(chats().subscriptions(upgraded)).hasSize(1);

        telegram.botMembershipChanges(upgraded, "kicked");
        await().atMost(Duration.ofSeconds(20)).until(() -> !chats().get(upgraded).orElseThrow().active());
    }

    @Test
    void channelsAreLinkedByTheirAdminsWhenTheBotCanPost() {
        long u = newUser();
        assertThat(ask(u, "/addchannel nope")).contains("/addchannel");
        assertThat(ask(u, "/addchannel @missing_channel")).contains("לא נמצא");
        telegram.addChannel("@treaty_news", -1009988776655L);
        assertThat(ask(u, "/addchannel @treaty_news")).contains("רק מנהל של הערוץ");
        telegram.setMemberStatus("@treaty_news", u, "creator");
        assertThat(ask(u, "/addchannel @treaty_news")).contains("הוסיפו את הבוט כמנהל");
        assertThat(chats().get(-1009988776655L)).isEmpty();
        telegram.setMemberStatus("@treaty_news", telegram.botId(), "administrator");
        assertThat(ask(u, "/addchannel @treaty_news")).startsWith("✅");
        assertThat(chats().get(-1009988776655L).orElseThrow().type()).isEqualTo("channel");
        assertThat(chats().subscriptions(-1009988776655L)).hasSize(1);
    }

    @Test
    void editedMessagesAndPhotosAreIgnoredWithoutBreakingPolling() {
        long u = newUser();
        telegram.userEdits(u, "/stop");
        telegram.userSendsPhoto(u);
        assertThat(ask(u, "/start", "he")).startsWith("שלום!");
        assertThat(telegram.sentTo(u)).hasSize(1);
    }

    @Test
    void theCommandMenuIsPublishedPerLanguageAndForAdmins() {
        assertThat(telegram.calls().stream().filter(c -> c.equals("setmycommands")).count()).isGreaterThanOrEqualTo(4);
    }
}
