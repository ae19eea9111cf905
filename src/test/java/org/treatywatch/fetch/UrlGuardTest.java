package org.treatywatch.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** User-given URLs cannot reach this machine or its network unless TREATYWATCH_ALLOW_PRIVATE_FEEDS says so. */
class UrlGuardTest {
    @Test
    void privateAndLocalTargetsAreRefused() {
        UrlGuard guard = new UrlGuard(false);
        for (String url : new String[] {"http://127.0.0.1/feed", "http://localhost:8080/", "http://10.1.2.3/", "http://192.168.0.1/",
                "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://0.0.0.0/"}) {
            assertThatThrownBy(() -> guard.check(url, false)).as(url).isInstanceOf(FetchException.class)
                    .hasMessageContaining("private or local address");
        }
    }

    @Test
    void onlyHttpAndHttpsAndFileOnlyForMaintainers() throws Exception {
        UrlGuard guard = new UrlGuard(true);
        assertThatThrownBy(() -> guard.check("ftp://example.com/x", false)).hasMessageContaining("only http and https");
        assertThatThrownBy(() -> guard.check("gopher://example.com/", false)).hasMessageContaining("only http and https");
        assertThatThrownBy(() -> guard.check("file:///etc/passwd", false)).hasMessageContaining("only allowed in feeds.yaml");
        assertThat(guard.check("file:///tmp/feed.xml", true).getScheme()).isEqualTo("file");
        assertThat(guard.check("http://127.0.0.1:9/", false).getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void theDnsHookRefusesPrivateAnswersSoRedirectsAndRebindingCannotGetThrough() {
        assertThatThrownBy(() -> new UrlGuard(false).lookup("localhost")).hasMessageContaining("private or local address");
    }
}
