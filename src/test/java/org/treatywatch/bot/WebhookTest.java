package org.treatywatch.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.treatywatch.service.Service;
import org.treatywatch.TestFiles;
import org.treatywatch.config.AppConfig;

/** Webhook mode: Telegram's posts with the secret header reach the bot; anything else is refused. */
class WebhookTest {
    static final String TOKEN = "123456789:AAwebhook-test-token_abcdefghijklm";

    @TempDir
    Path dir;

    @Test
    void updatesArriveByWebhookAndStrangersAreRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/tw/hook";
        try (FakeBotApi telegram = new FakeBotApi(TOKEN)) {
            Path yaml = TestFiles.feedsYaml(dir, "f", "file://" + dir.resolve("none.xml"), "ar", "24h");
            AppConfig config = AppConfig.fromEnv(Map.of()).withToken(TOKEN).withApiUrl(telegram.url()).withAdmins(Set.of())
                    .withDbUrl("jdbc:h2:file:" + dir.resolve("db")).withFeedsPath(yaml).withTemplatesDir(Path.of("templates"))
                    .withWebhook(url, port);
            try (Service service = Service.start(config)) {
                assertThat(telegram.calls()).contains("setwebhook").doesNotContain("getupdates");
                String update = """
                        {"update_id": 1, "message": {"message_id": 5, "date": 1700000000,
                         "chat": {"id": 4242, "type": "private"},
                         "from": {"id": 4242, "is_bot": false, "first_name": "U", "language_code": "ar"},
                         "text": "/start", "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}}
                        """;
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> stranger = http.send(HttpRequest.newBuilder(URI.create(url))
                        .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(stranger.statusCode()).isEqualTo(401);
                HttpResponse<String> fromTelegram = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header(WebhookServer.SECRET_HEADER, WebhookServer.secretFor(TOKEN))
                        .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(fromTelegram.statusCode()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(20)).until(() -> !telegram.sentTo(4242).isEmpty());
                assertThat(telegram.sentTo(4242)).hasSize(1);
                assertThat(telegram.sentTo(4242).get(0).text()).startsWith("مرحبًا!");
                assertThat(WebhookServer.secretFor(TOKEN)).doesNotContain(TOKEN.substring(11));
            }
        }
    }
}
