package org.treatywatch.cli;

import java.nio.file.Path;
import org.treatywatch.config.AppConfig;
import picocli.CommandLine.Option;

/** Options shared by the commands; each overrides its environment variable. */
public final class ConfigOptions {
    @Option(names = "--token", description = "Telegram bot token (env TELEGRAM_BOT_TOKEN); never logged")
    String token;

    @Option(names = "--api-url", description = "Bot API base URL (env TELEGRAM_API_URL, default https://api.telegram.org)")
    String apiUrl;

    @Option(names = "--admins", description = "comma-separated admin user ids (env TREATYWATCH_ADMINS)")
    String admins;

    @Option(names = "--db", description = "JDBC URL (env TREATYWATCH_DB, default jdbc:h2:file:./data/treatywatch)")
    String db;

    @Option(names = "--feeds", description = "feeds.yaml path (env TREATYWATCH_FEEDS, default ./feeds.yaml)")
    Path feeds;

    @Option(names = "--templates", description = "templates folder (env TREATYWATCH_TEMPLATES, default ./templates)")
    Path templates;

    @Option(names = "--allow-private-feeds", description = "allow feed URLs on loopback/private addresses (env TREATYWATCH_ALLOW_PRIVATE_FEEDS)")
    Boolean allowPrivateFeeds;

    @Option(names = "--link-previews", description = "let Telegram show link previews under alerts (env TREATYWATCH_LINK_PREVIEWS)")
    Boolean linkPreviews;

    @Option(names = "--metrics-port", description = "serve /metrics and /health on this port (env TREATYWATCH_METRICS_PORT; unset: off)")
    Integer metricsPort;

    @Option(names = "--metrics-bind", description = "address the metrics/health port listens on (env TREATYWATCH_METRICS_BIND, default 127.0.0.1; 0.0.0.0: every interface)")
    String metricsBind;

    @Option(names = "--webhook-url", description = "take updates by webhook at this public URL instead of long polling (env TREATYWATCH_WEBHOOK_URL)")
    String webhookUrl;

    @Option(names = "--webhook-port", description = "local port the webhook listens on (env TREATYWATCH_WEBHOOK_PORT, default 8443)")
    Integer webhookPort;

    @Option(names = "--retention", description = "delete sent alerts and irrelevant items older than this, e.g. 90d (env TREATYWATCH_RETENTION, default 90d)")
    String retention;

    @Option(names = "--translate-url", description = "LibreTranslate-compatible server for machine-translated alerts (env TREATYWATCH_TRANSLATE_URL; unset: off)")
    String translateUrl;

    @Option(names = "--translate-key", description = "API key for the translation server, if it needs one (env TREATYWATCH_TRANSLATE_KEY)")
    String translateKey;

    /** The environment, overridden by whatever was given on the command line. */
    public AppConfig resolve() {
        AppConfig c = AppConfig.fromEnv(System.getenv());
        if (token != null) c = c.withToken(token);
        if (apiUrl != null) c = c.withApiUrl(apiUrl);
        if (admins != null) c = c.withAdmins(AppConfig.parseAdmins(admins));
        if (db != null) c = c.withDbUrl(db);
        if (feeds != null) c = c.withFeedsPath(feeds);
        if (templates != null) c = c.withTemplatesDir(templates);
        if (allowPrivateFeeds != null) c = c.withAllowPrivateFeeds(allowPrivateFeeds);
        if (linkPreviews != null) c = c.withLinkPreviews(linkPreviews);
        if (metricsPort != null) c = c.withMetricsPort(metricsPort);
        if (metricsBind != null) c = c.withMetricsBind(metricsBind);
        if (retention != null) c = c.withRetention(AppConfig.parseRetention(retention));
        if (translateUrl != null || translateKey != null) {
            c = c.withTranslation(translateUrl != null ? translateUrl : c.translateUrl(), translateKey != null ? translateKey : c.translateKey());
        }
        if (webhookUrl != null || webhookPort != null) {
            c = c.withWebhook(webhookUrl != null ? webhookUrl : c.webhookUrl(), webhookPort != null ? webhookPort : c.webhookPort());
        }
        return c;
    }
}
