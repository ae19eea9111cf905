package org.treatywatch.config;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything the service is told at start. Built from environment variables; the {@code run}
 * command's options override them. {@link #toString()} never shows the token.
 */
public record AppConfig(
        String token,
        String apiUrl,
        Set<Long> admins,
        String dbUrl,
        Path feedsPath,
        Path templatesDir,
        boolean allowPrivateFeeds,
        boolean linkPreviews,
        int metricsPort,
        String webhookUrl,
        int webhookPort,
        java.time.Duration retention,
        String translateUrl,
        String translateKey,
        String metricsBind) {

    public AppConfig {
        Secrets.register(token); // from here on, no log line, error or reply shows it
        Secrets.register(translateKey);
    }

    public static final String DEFAULT_API_URL = "https://api.telegram.org";
    public static final String DEFAULT_DB = "jdbc:h2:file:./data/treatywatch";
    /** The ops server answers this machine only unless told otherwise: /metrics and the feeds are not for the world. */
    public static final String DEFAULT_METRICS_BIND = "127.0.0.1";
    /** Sent alerts and irrelevant items older than this are deleted; relevant items and stories stay. */
    public static final java.time.Duration DEFAULT_RETENTION = java.time.Duration.ofDays(90);

    public static AppConfig fromEnv(Map<String, String> env) {
        return new AppConfig(
                blankToNull(env.get("TELEGRAM_BOT_TOKEN")),
                orDefault(env.get("TELEGRAM_API_URL"), DEFAULT_API_URL),
                parseAdmins(env.getOrDefault("TREATYWATCH_ADMINS", "")),
                orDefault(env.get("TREATYWATCH_DB"), DEFAULT_DB),
                Path.of(orDefault(env.get("TREATYWATCH_FEEDS"), "./feeds.yaml")),
                Path.of(orDefault(env.get("TREATYWATCH_TEMPLATES"), "./templates")),
                Boolean.parseBoolean(orDefault(env.get("TREATYWATCH_ALLOW_PRIVATE_FEEDS"), "false")),
                Boolean.parseBoolean(orDefault(env.get("TREATYWATCH_LINK_PREVIEWS"), "false")),
                parsePort(env.get("TREATYWATCH_METRICS_PORT")),
                blankToNull(env.get("TREATYWATCH_WEBHOOK_URL")),
                Math.max(0, parsePort(orDefault(env.get("TREATYWATCH_WEBHOOK_PORT"), "8443"))),
                parseRetention(env.get("TREATYWATCH_RETENTION")),
                blankToNull(env.get("TREATYWATCH_TRANSLATE_URL")),
                blankToNull(env.get("TREATYWATCH_TRANSLATE_KEY")),
                parseBind(env.get("TREATYWATCH_METRICS_BIND")));
    }

    public AppConfig withRetention(java.time.Duration value) {
        return new AppConfig(token, apiUrl, admins, dbUrl, feedsPath, templatesDir, allowPrivateFeeds, linkPreviews, metricsPort, webhookUrl, webhookPort, value, translateUrl, translateKey, metricsBind);
    }

    /** A LibreTranslate-compatible server for machine translation of alerts (and its API key, if it needs one). */
    public AppConfig withTranslation(String url, String key) {
        return new AppConfig(token, apiUrl, admins, dbUrl, feedsPath, templatesDir, allowPrivateFeeds, linkPreviews, metricsPort, webhookUrl, webhookPort,
                retention, blankToNull(url), blankToNull(key), metricsBind);
    }

    /** A retention such as 90d or 12h; at least one hour. */
    public static java.time.Duration parseRetention(String text) {
        if (text == null || text.isBlank()) return DEFAULT_RETENTION;
        java.time.Duration d = Durations.parse(text);
        if (d.compareTo(java.time.Duration.ofHours(1)) < 0) throw new IllegalArgumentException("TREATYWATCH_RETENTION \"" + text + "\" must be at least 1h, e.g. 90d");
        return d;
    }

    public AppConfig withToken(String value) {
        return new AppConfig(value, apiUrl, admins, dbUrl, feedsPath, templatesDir, allowPrivateFeeds, linkPreviews, metricsPort, webhookUrl, webhookPort, retention, translateUrl, translateKey, metricsBind);
    }

    public AppConfig withApiUrl(String value) {
        return new AppConfig(token, value, admins, dbUrl, feedsPath, templatesDir, allowPrivateFeeds, linkPreviews, metricsPort, webhookUrl, webhookPort, retention, translateUrl, translateKey, metricsBind);
    }

    public AppConfig withAdmins(Set<Long> value) {
        return new AppConfig(token, apiUrl, value, dbUrl, feedsPath, templatesDir, allowPrivateFeeds, linkPreviews, metricsPort, webhookUrl, webhookPort, retention, translateUrl, translateKey, metricsBind);
    }

    public AppConfig withDbUrl(String value) {
        return new AppConfig(token, apiUrl, admins, value, feedsPath, templatesDir, allowPrivateFeeds, linkPreviews, metricsPort, webhookUrl, webhookPort, retention, translateUrl, translateKey, metricsBind);
    }

    public AppConfig withFeedsPath(Path value) {
        return new AppConfig(token, apiUrl, admins, dbUrl, value, templatesDir, allowPrivateFeeds, linkPreviews, metricsPort, webhookUrl, webhookPort, retention, translateUrl, translateKey, metricsBind);
    }

    public AppConfig withTemplatesDir(Path value) {
        return new AppConfig(token, apiUrl, admins, dbUrl, feedsPath, value, allowPrivateFeeds, linkPreviews, metricsPort, webhookUrl, webhookPort, retention, translateUrl, translateKey, metricsBind);
    }

    public AppConfig withAllowPrivateFeeds(boolean value) {
        return new AppConfig(token, apiUrl, admins, dbUrl, feedsPath, templatesDir, value, linkPreviews, metricsPort, webhookUrl, webhookPort, retention, translateUrl, translateKey, metricsBind);
    }

    public AppConfig withLinkPreviews(boolean value) {
        return new AppConfig(token, apiUrl, admins, dbUrl, feedsPath, templatesDir, allowPrivateFeeds, value, metricsPort, webhookUrl, webhookPort, retention, translateUrl, translateKey, metricsBind);
    }

    public AppConfig withMetricsPort(int value) {
        return new AppConfig(token, apiUrl, admins, dbUrl, feedsPath, templatesDir, allowPrivateFeeds, linkPreviews, value,
                webhookUrl, webhookPort, retention, translateUrl, translateKey, metricsBind);
    }

    /** The address the ops server (metrics, health, the stories' feeds) listens on. */
    public AppConfig withMetricsBind(String value) {
        return new AppConfig(token, apiUrl, admins, dbUrl, feedsPath, templatesDir, allowPrivateFeeds, linkPreviews, metricsPort, webhookUrl, webhookPort,
                retention, translateUrl, translateKey, parseBind(value));
    }

    public AppConfig withWebhook(String url, int port) {
        return new AppConfig(token, apiUrl, admins, dbUrl, feedsPath, templatesDir, allowPrivateFeeds, linkPreviews, metricsPort, url, port, retention, translateUrl, translateKey, metricsBind);
    }

    /** Unset means no metrics server; otherwise a TCP port. */
    public static int parsePort(String raw) {
        if (raw == null || raw.isBlank()) return -1;
        try {
            int p = Integer.parseInt(raw.strip());
            if (p < 0 || p > 65535) throw new NumberFormatException();
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("TREATYWATCH_METRICS_PORT: \"" + raw + "\" is not a port (0-65535)");
        }
    }

    /** An IP address or host name to listen on; unset means loopback only (127.0.0.1). */
    public static String parseBind(String raw) {
        if (raw == null || raw.isBlank()) return DEFAULT_METRICS_BIND;
        String v = raw.strip();
        if (v.startsWith("[") && v.endsWith("]")) v = v.substring(1, v.length() - 1); // [::1] as in a URL
        if (!v.matches("[0-9A-Za-z.:%_-]{1,253}")) {
            throw new IllegalArgumentException("TREATYWATCH_METRICS_BIND: \"" + raw + "\" is not an address to listen on (e.g. 127.0.0.1, or 0.0.0.0 for every interface)");
        }
        return v;
    }

    public boolean isAdmin(long userId) {
        return admins.contains(userId);
    }

    /** Comma- or space-separated numeric user ids; anything else is a configuration error. */
    public static Set<Long> parseAdmins(String raw) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : raw.split("[,\\s]+")) {
            if (part.isBlank()) continue;
            try {
                ids.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("TREATYWATCH_ADMINS: \"" + part + "\" is not a Telegram user id (digits only)");
            }
        }
        return Set.copyOf(ids);
    }

    @Override
    public String toString() {
        return "AppConfig[token=" + (token == null ? "unset" : "***") + ", apiUrl=" + apiUrl + ", admins=" + admins
                + ", db=" + Secrets.mask(dbUrl) + ", feeds=" + feedsPath + ", templates=" + templatesDir
                + ", allowPrivateFeeds=" + allowPrivateFeeds + ", linkPreviews=" + linkPreviews + ", metricsPort=" + metricsPort
                + ", webhook=" + (webhookUrl == null ? "off" : webhookUrl + " (port " + webhookPort + ")") + "]";
    }

    private static String orDefault(String v, String d) {
        return v == null || v.isBlank() ? d : v.strip();
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
