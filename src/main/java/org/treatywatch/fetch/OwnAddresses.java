package org.treatywatch.fetch;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * The addresses of this host's own interfaces: a service bound to 0.0.0.0 answers on each of
 * them, public or not, so a user-given URL may never point at one. Read again at most every minute
 * (interfaces come and go).
 */
final class OwnAddresses {
    private static final long REFRESH_MILLIS = 60_000;
    private static volatile Set<InetAddress> cached = Set.of();
    private static volatile long readAt;

    private OwnAddresses() {}

    static boolean contains(InetAddress a) {
        long now = System.currentTimeMillis();
        if (now - readAt > REFRESH_MILLIS) {
            cached = read();
            readAt = now;
        }
        return cached.contains(a);
    }

    static Set<InetAddress> read() {
        Set<InetAddress> out = new HashSet<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                out.addAll(Collections.list(ni.getInetAddresses()));
            }
        } catch (SocketException e) {
            // no interface list: the address-type checks still apply
        }
        return Set.copyOf(out);
    }
}
