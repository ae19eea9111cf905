package org.treatywatch.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Dns;

/**
 * Keeps user-given URLs away from this machine and its network (SSRF): only http and https
 * (file: only where maintainers allow it), and no loopback, private, link-local or multicast
 * address, checked on every DNS answer so a redirect or a rebinding name cannot get around it.
 */
public final class UrlGuard implements Dns {
    private final boolean allowPrivate;

    public UrlGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /** Throws with a user-readable reason if the URL may not be fetched. */
    public URI check(String url, boolean allowFile) throws FetchException {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (Exception e) {
            throw new FetchException("not a valid URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (scheme.equals("file")) {
            if (!allowFile) throw new FetchException("file: URLs are only allowed in feeds.yaml");
            return uri;
        }
        if (!scheme.equals("http") && !scheme.equals("https")) throw new FetchException("only http and https URLs can be fetched: " + url);
        if (uri.getHost() == null || uri.getHost().isBlank()) throw new FetchException("URL has no host: " + url);
        if (!allowPrivate) {
            try {
                lookup(uri.getHost());
            } catch (UnknownHostException e) {
                throw new FetchException(e.getMessage());
            }
        }
        return uri;
    }

    @Override
    public List<InetAddress> lookup(String host) throws UnknownHostException {
        List<InetAddress> all = List.of(InetAddress.getAllByName(host));
        if (allowPrivate) return all;
        List<InetAddress> ok = new ArrayList<>();
        for (InetAddress a : all) if (!isPrivate(a)) ok.add(a);
        if (ok.isEmpty()) throw new UnknownHostException(host + " is a private or local address; refused (set TREATYWATCH_ALLOW_PRIVATE_FEEDS=true to allow)");
        return ok;
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xFF, second = b[1] & 0xFF;
            return first == 0 || (first == 100 && second >= 64 && second < 128) || first >= 240
                    || (first == 192 && second == 0 && (b[2] & 0xFF) == 0) || (first == 198 && (second == 18 || second == 19));
        }
        return (b[0] & 0xFE) == 0xFC; // IPv6 unique local fc00::/7
    }
}
