package org.treatywatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The farm another reader is measured on spreads its feeds over several loopback hosts, as real
 * outlets are, and the lists it writes for treatywatch and newsboat name those hosts.
 */
class FeedFarmTest {
    private static final Pattern ARTICLE_LINK = Pattern.compile("<link>(http://[^<]+/articles/[^<]+)</link>");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void feedsAndTheirArticlesAreServedFromDistinctLoopbackHostsNamedInBothLists() throws Exception {
        try (FeedFarm farm = new FeedFarm(4, 3, 0, 2)) {
            List<String> urls = farm.urlList().lines().toList();
            assertThat(urls).hasSize(4);
            assertThat(urls.stream().map(u -> URI.create(u).getHost()).collect(Collectors.toSet()))
                    .isEqualTo(Set.of("127.0.0.1", "127.0.0.2"));
            String yaml = farm.feedsYaml("1m");
            for (String url : urls) {
                assertThat(yaml).contains("url: " + url + "\n");
                HttpResponse<String> feed = get(url);
                assertThat(feed.statusCode()).isEqualTo(200);
                Matcher link = ARTICLE_LINK.matcher(feed.body());
                assertThat(link.find()).as("an item link in %s", url).isTrue();
                // an item's article is on its feed's host, as an outlet's own pages are
                assertThat(URI.create(link.group(1)).getHost()).isEqualTo(URI.create(url).getHost());
                assertThat(get(link.group(1)).statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void onlyTheFarmsOwnHostsAnswerNotEveryLoopbackAddress() throws Exception {
        try (FeedFarm farm = new FeedFarm(4, 3, 0, 2)) {
            assertThat(get("http://127.0.0.2:" + farm.port() + "/feeds/1.xml").statusCode()).isEqualTo(200);
            // no socket on the wildcard address: 127.0.0.3 is not one of the farm's hosts
            assertThatThrownBy(() -> get("http://127.0.0.3:" + farm.port() + "/feeds/1.xml"))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aHostCountOutsideTheLoopbackRangeIsRefusedWithTheRange() {
        assertThatThrownBy(() -> new FeedFarm(4, 3, 0, 255))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 254");
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
