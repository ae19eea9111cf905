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
 * address, no address of this host's own interfaces, and no IPv6 address that embeds such an IPv4
 * address (IPv4-compatible, IPv4-mapped, NAT64, 6to4, Teredo); checked on every DNS answer so a
 * redirect or a rebinding name cannot get around it.
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
        for (InetAddress a : all) if (!isPrivate(a) && !OwnAddresses.contains(a)) ok.add(a);
        if (ok.isEmpty()) throw new UnknownHostException(host + " is a private or local address; refused (set TREATYWATCH_ALLOW_PRIVATE_FEEDS=true to allow)");
        return ok;
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) return privateV4(b);
        byte[] embedded = embeddedV4(b);
        if (embedded != null) return privateV4(embedded) || isPrivate(v4(embedded));
        return (b[0] & 0xFE) == 0xFC; // IPv6 unique local fc00::/7
    }

    private static boolean privateV4(byte[] b) {
        int first = b[0] & 0xFF, second = b[1] & 0xFF;
        return first == 0 || first == 10 || first == 127 || (first == 169 && second == 254) || (first == 172 && second >= 16 && second < 32)
                || (first == 192 && second == 168) || (first == 100 && second >= 64 && second < 128) || first >= 224
                || (first == 192 && second == 0 && (b[2] & 0xFF) == 0) || (first == 198 && (second == 18 || second == 19));
    }

    /** The IPv4 address an IPv6 address carries, for the forms that route to it; else null. */
    static byte[] embeddedV4(byte[] b) {
        boolean zeros80 = true;
        for (int i = 0; i < 10; i++) zeros80 &= b[i] == 0;
        boolean compatible = zeros80 && b[10] == 0 && b[11] == 0;                  // ::a.b.c.d
        boolean mapped = zeros80 && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF; // ::ffff:a.b.c.d
        boolean nat64 = (b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B; // 64:ff9b::/96 and /48
        if (compatible || mapped || nat64) return new byte[] {b[12], b[13], b[14], b[15]};
        if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02) return new byte[] {b[2], b[3], b[4], b[5]}; // 6to4 2002:a.b.c.d::/48
        if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x01 && b[2] == 0 && b[3] == 0) {                  // Teredo: client address inverted
            return new byte[] {(byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]};
        }
        return null;
    }

    private static InetAddress v4(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
