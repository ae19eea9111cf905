package org.treatywatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
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
}
