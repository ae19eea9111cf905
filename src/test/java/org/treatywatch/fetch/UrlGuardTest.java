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

    @Test
    void ipv6FormsThatEmbedALocalIpv4AddressAreRefusedAndPublicOnesAllowed() throws Exception {
        UrlGuard guard = new UrlGuard(false);
        for (String url : new String[] {"http://[::127.0.0.1]/", "http://[::ffff:10.0.0.1]/", "http://[64:ff9b::7f00:1]/",
                "http://[64:ff9b::a00:1]/", "http://[2002:7f00:1::]/", "http://[2002:c0a8:101::]/", "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",
                "http://[fd00::1]/", "http://[fe80::1]/"}) {
            assertThatThrownBy(() -> guard.check(url, false)).as(url).isInstanceOf(FetchException.class)
                    .hasMessageContaining("private or local address");
        }
        assertThat(UrlGuard.isPrivate(java.net.InetAddress.getByName("2606:4700:4700::1111"))).isFalse();
        assertThat(UrlGuard.isPrivate(java.net.InetAddress.getByName("64:ff9b::808:808"))).as("NAT64 of 8.8.8.8").isFalse();
        assertThat(UrlGuard.isPrivate(java.net.InetAddress.getByName("8.8.8.8"))).isFalse();
    }

    @Test
    void theHostsOwnAddressesAreRefusedWhateverTheirKind() {
        UrlGuard guard = new UrlGuard(false);
        java.util.Set<java.net.InetAddress> own = OwnAddresses.read();
        assertThat(own).isNotEmpty();
        for (java.net.InetAddress a : own) {
            String host = a instanceof java.net.Inet6Address ? "[" + a.getHostAddress().replaceAll("%.*", "") + "]" : a.getHostAddress();
            assertThatThrownBy(() -> guard.check("http://" + host + "/", false)).as(host).isInstanceOf(FetchException.class);
        }
    }
}
