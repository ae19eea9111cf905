package org.treatywatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {
    @Test
    void defaultsWhenTheEnvironmentIsEmpty() {
        AppConfig c = AppConfig.fromEnv(Map.of());
        assertThat(c.token()).isNull();
        assertThat(c.apiUrl()).isEqualTo("https://api.telegram.org");
        assertThat(c.dbUrl()).isEqualTo("jdbc:h2:file:./data/treatywatch");
        assertThat(c.feedsPath()).isEqualTo(Path.of("./feeds.yaml"));
        assertThat(c.templatesDir()).isEqualTo(Path.of("./templates"));
        assertThat(c.admins()).isEmpty();
        assertThat(c.allowPrivateFeeds()).isFalse();
    }

    @Test
    void readsEveryVariable() {
        AppConfig c = AppConfig.fromEnv(Map.of(
                "TELEGRAM_BOT_TOKEN", "123456:secret-token-value-abcdefghijkl",
                "TELEGRAM_API_URL", "http://127.0.0.1:8081",
                "TREATYWATCH_ADMINS", "11, 22,33",
                "TREATYWATCH_DB", "jdbc:h2:mem:x",
                "TREATYWATCH_FEEDS", "/etc/tw/feeds.yaml",
                "TREATYWATCH_TEMPLATES", "/etc/tw/templates",
                "TREATYWATCH_ALLOW_PRIVATE_FEEDS", "true"));
        assertThat(c.admins()).containsExactlyInAnyOrder(11L, 22L, 33L);
        assertThat(c.isAdmin(22)).isTrue();
        assertThat(c.isAdmin(44)).isFalse();
        assertThat(c.apiUrl()).isEqualTo("http://127.0.0.1:8081");
        assertThat(c.allowPrivateFeeds()).isTrue();
        assertThat(c.feedsPath()).isEqualTo(Path.of("/etc/tw/feeds.yaml"));
    }

    @Test
    void theTokenNeverAppearsInItsDescription() {
        AppConfig c = AppConfig.fromEnv(Map.of("TELEGRAM_BOT_TOKEN", "123456:secret-token-value-abcdefghijkl"));
        assertThat(c.toString()).doesNotContain("secret").contains("token=***");
    }

    @Test
    void badAdminIdsAreAClearError() {
        assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("TREATYWATCH_ADMINS", "11,@bob")))
                .hasMessage("TREATYWATCH_ADMINS: \"@bob\" is not a Telegram user id (digits only)");
    }

    @Test
    void theOpsServerListensOnLoopbackUnlessToldAnotherAddress() {
        assertThat(AppConfig.fromEnv(Map.of()).metricsBind()).isEqualTo("127.0.0.1");
        assertThat(AppConfig.fromEnv(Map.of("TREATYWATCH_METRICS_BIND", " 0.0.0.0 ")).metricsBind()).isEqualTo("0.0.0.0");
        assertThat(AppConfig.fromEnv(Map.of("TREATYWATCH_METRICS_BIND", "[::1]")).metricsBind()).isEqualTo("::1");
        assertThat(AppConfig.fromEnv(Map.of()).withMetricsBind("10.0.0.5").withMetricsPort(9464).metricsBind()).isEqualTo("10.0.0.5");
        assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("TREATYWATCH_METRICS_BIND", "http://0.0.0.0/")))
                .hasMessageStartingWith("TREATYWATCH_METRICS_BIND: \"http://0.0.0.0/\" is not an address to listen on");
    }
}
