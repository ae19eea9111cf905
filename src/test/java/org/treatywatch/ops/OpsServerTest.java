package org.treatywatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class OpsServerTest {
    @Test
    void metricsInPrometheusFormatAndHealthThatTurnsDown() throws Exception {
        AtomicBoolean telegramUp = new AtomicBoolean(true);
        Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
        checks.put("database", () -> true);
        checks.put("telegram", telegramUp::get);
        io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry = OpsServer.newRegistry();
        try (OpsServer ops = new OpsServer(0, checks, () -> 7, registry)) {
            registry.counter("treatywatch_alerts_sent").increment(3);
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + ops.port();
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).contains("treatywatch_alerts_sent_total 3.0").contains("treatywatch_outbox_queue 7.0");
            HttpResponse<String> up = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).isEqualTo("{\"database\":\"UP\",\"telegram\":\"UP\",\"status\":\"UP\"}");
            telegramUp.set(false);
            HttpResponse<String> down = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"telegram\":\"DOWN\"", "\"status\":\"DOWN\"");
        }
    }

    @Test
    void clientsThatNeverFinishTheirRequestDoNotBlockHealthMetricsOrTheFeeds() throws Exception {
        try (OpsServer ops = new OpsServer(0, Map.of("database", () -> true), () -> 0, OpsServer.newRegistry())) {
            ops.serve("/stories.he.atom", "application/atom+xml", self -> "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>");
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 6; i++) {
                    Socket s = new Socket(InetAddress.getLoopbackAddress(), ops.port());
                    // half of them start a request and never end its headers, the others say nothing at all
                    if (i % 2 == 0) s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    slow.add(s);
                }
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                for (String path : List.of("/health", "/metrics", "/stories.he.atom")) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port() + path))
                            .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as(path).isEqualTo(200);
                }
            } finally {
                for (Socket s : slow) s.close();
            }
        }
    }

    @Test
    void moreStalledClientsThanThreadsAreCutOffAtTheirDeadline() throws Exception {
        try (OpsServer ops = new OpsServer("127.0.0.1", 0, Map.of("database", () -> true), () -> 0, OpsServer.newRegistry(),
                Duration.ofSeconds(1))) {
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 12; i++) {
                    Socket s = new Socket(InetAddress.getLoopbackAddress(), ops.port());
                    s.setSoTimeout(30_000);
                    s.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    stalled.add(s);
                }
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + ops.port() + "/health")).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                for (Socket s : stalled) {
                    // the server hangs up on each of them: end of stream (or a reset), never a timeout and never an answer
                    int first;
                    try {
                        first = s.getInputStream().read();
                    } catch (java.net.SocketException reset) {
                        first = -1;
                    }
                    assertThat(first).isEqualTo(-1);
                }
            } finally {
                for (Socket s : stalled) s.close();
            }
        }
    }

    @Test
    void onlyGetAndHeadOnTheExactPaths() throws Exception {
        try (OpsServer ops = new OpsServer(0, Map.of("database", () -> true), () -> 0, OpsServer.newRegistry())) {
            ops.serve("/stories.he.atom", "application/atom+xml", self -> "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>");
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + ops.port();
            for (String path : List.of("/health", "/metrics", "/stories.he.atom")) {
                for (String method : List.of("POST", "PUT", "DELETE", "OPTIONS")) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                            .method(method, HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as(method + " " + path).isEqualTo(405);
                    assertThat(r.headers().firstValue("Allow")).as(method + " " + path).hasValue("GET, HEAD");
                }
                HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(200);
                assertThat(head.body()).isEmpty();
                HttpResponse<String> withQuery = http.send(HttpRequest.newBuilder(URI.create(base + path + "?x=1")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(withQuery.statusCode()).as(path + "?x=1").isEqualTo(200);
            }
            for (String path : List.of("/", "/healthz", "/health/", "/health/x", "/metricsfoo", "/metrics/x", "/stories.he.atom/x",
                    "/stories.he.atomx", "/nothing")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path).isEqualTo(404);
            }
        }
    }

    @Test
    void theHostHeaderNeverReachesTheDocument() throws Exception {
        try (OpsServer ops = new OpsServer(0, Map.of("database", () -> true), () -> 0, OpsServer.newRegistry())) {
            ops.serve("/stories.he.atom", "application/atom+xml", self -> "<link rel=\"self\" href=\"" + self + "\"/>");
            String answer = rawRequest(ops.port(), "GET /stories.he.atom HTTP/1.1\r\nHost: evil.example:666\r\nConnection: close\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 200").doesNotContain("evil.example").contains("href=\"stories.he.atom\"");
        }
    }

    @Test
    void listensOnLoopbackUnlessToldOtherwise() throws Exception {
        try (OpsServer ops = new OpsServer(0, Map.of("database", () -> true), () -> 0, OpsServer.newRegistry())) {
            assertThat(ops.address().getAddress().isLoopbackAddress()).isTrue();
        }
    }

    /** What the server answers to bytes we write ourselves (HttpClient will not send a Host header of our choosing). */
    static String rawRequest(int port, String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
