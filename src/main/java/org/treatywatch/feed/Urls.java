package org.treatywatch.feed;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** URL canonicalization so that the same article is recognised however it is linked. */
public final class Urls {
    private Urls() {}

    /**
     * Lower-case scheme and host, no default port, no fragment, no tracking parameters
     * (utm_*, fbclid, gclid ...). Unparseable input comes back trimmed.
     */
    public static String canonical(String url) {
        if (url == null) return null;
        String trimmed = url.strip();
        try {
            URI u = new URI(trimmed);
            if (u.getScheme() == null || u.getHost() == null) return trimmed;
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            int port = u.getPort();
            if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) port = -1;
            String query = cleanQuery(u.getRawQuery());
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (port > 0 ? ":" + port : "") + path
                    + (query.isEmpty() ? "" : "?" + query);
        } catch (Exception e) {
            return trimmed;
        }
    }

    /**
     * The link if it is a web address (http or https with a host), else empty: javascript:, data:,
     * file: and tg:// links from a feed never reach an alert or a fetch.
     */
    public static java.util.Optional<String> web(String url) {
        if (url == null) return java.util.Optional.empty();
        String u = url.strip();
        return WEB.matcher(u).lookingAt() ? java.util.Optional.of(u) : java.util.Optional.empty();
    }

    // scheme http(s), then an authority with a host (userinfo allowed): checked by shape, so a link
    // with characters java.net.URI refuses (a raw quote) is still a web link, escaped where it is used
    private static final java.util.regex.Pattern WEB = java.util.regex.Pattern.compile("(?i)https?://([^\\s/?#@]+@)?[^\\s/?#@:]+");

    /** Resolves a possibly relative link against a base URL. */
    public static String resolve(String base, String link) {
        if (link == null || link.isBlank()) return null;
        try {
            URI l = new URI(link.strip().replace(" ", "%20"));
            if (l.isAbsolute() || base == null) return l.toString();
            return new URI(base).resolve(l).toString();
        } catch (Exception e) {
            return link.strip();
        }
    }

    public static String host(String url) {
        try {
            String h = new URI(url).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
        } catch (Exception e) {
            return "";
        }
    }

    private static String cleanQuery(String raw) {
        if (raw == null || raw.isEmpty()) return "";
        List<String> kept = new ArrayList<>();
        for (String part : raw.split("&")) {
            String name = part.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (name.startsWith("utm_") || name.equals("fbclid") || name.equals("gclid") || name.equals("yclid")
                    || name.equals("mc_cid") || name.equals("mc_eid") || name.equals("ref") || name.isEmpty()) {
                continue;
            }
            kept.add(part);
        }
        return String.join("&", kept);
    }
}
