package org.treatywatch.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatywatch.config.Secrets;

/**
 * A LibreTranslate-compatible server ({@code POST /translate} with {@code q}, {@code source},
 * {@code target}, {@code format}, {@code api_key}): title and summary in one request, answered
 * within {@link #TIMEOUT} or not at all, so an alert is never held up or lost by translation.
 */
final class LibreTranslateClient implements Translator {
    private static final Logger log = LoggerFactory.getLogger(LibreTranslateClient.class);
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final long MAX_ANSWER_BYTES = 256 * 1024;
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http;
    private final String endpoint;
    private final String key;

    LibreTranslateClient(String baseUrl, String key, Duration timeout) {
        this.endpoint = baseUrl.replaceAll("/+$", "") + "/translate";
        this.key = key;
        // no redirects: a 307/308 would re-send the body, API key included, wherever the Location points
        this.http = new OkHttpClient.Builder().callTimeout(timeout).connectTimeout(timeout).readTimeout(timeout)
                .followRedirects(false).followSslRedirects(false).build();
    }

    @Override
    public Optional<Translation> translate(String title, String summary, String from, String to) {
        if (from == null || from.equals(to)) return Optional.empty();
        ObjectNode body = JSON.createObjectNode();
        body.putArray("q").add(title == null ? "" : title).add(summary == null ? "" : summary);
        body.put("source", from).put("target", to).put("format", "text");
        if (key != null) body.put("api_key", key);
        Request req = new Request.Builder().url(endpoint).post(RequestBody.create(body.toString(), JSON_TYPE)).build();
        try (Response r = http.newCall(req).execute()) {
            String answer = r.peekBody(MAX_ANSWER_BYTES).string();
            if (!r.isSuccessful()) {
                log.warn("translation {}→{} refused ({}): {}", from, to, r.code(), Secrets.mask(errorOf(answer)));
                return Optional.empty();
            }
            JsonNode t = JSON.readTree(answer).path("translatedText");
            if (!t.isArray() || t.size() != 2 || !t.get(0).isTextual() || !t.get(1).isTextual()) {
                log.warn("translation {}→{}: unexpected answer", from, to);
                return Optional.empty();
            }
            return Optional.of(new Translation(t.get(0).asText(), t.get(1).asText()));
        } catch (IOException | RuntimeException e) {
            log.warn("translation {}→{} failed, sending the alert untranslated: {}", from, to, Secrets.mask(String.valueOf(e.getMessage())));
            return Optional.empty();
        }
    }

    /** The server's error as one short log line, whatever it sent (a multi-line page cannot forge log lines). */
    static String errorOf(String answer) {
        String text;
        try {
            text = JSON.readTree(answer).path("error").asText(answer);
        } catch (IOException e) {
            text = answer;
        }
        text = text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\s]+", " ").strip();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
