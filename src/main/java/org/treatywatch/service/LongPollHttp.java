package org.treatywatch.service;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.SocketFactory;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The HTTP client Telegram long polling runs on, which the service can stop in the middle of a
 * getUpdates without an error. TelegramBots logs any failed getUpdates as an ERROR and then backs
 * off, and cancelling an OkHttp call always fails it; so at the stop the connection's sockets are
 * closed instead, and the getUpdates that was waiting ends as Telegram's own "no updates" answer.
 * Telegram keeps the updates not yet confirmed for the next start.
 */
final class LongPollHttp {
    private static final String NO_UPDATES = "{\"ok\":true,\"result\":[]}";

    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean ended;
    final OkHttpClient client;

    LongPollHttp(OkHttpClient base) {
        this.client = base.newBuilder()
                .dispatcher(new Dispatcher())
                .connectionPool(new ConnectionPool())
                .socketFactory(new TrackedSockets())
                .retryOnConnectionFailure(false) // a retry after the stop would wait out another long poll
                .addInterceptor(this::quietAfterEnd)
                .build();
    }

    /** Ends the getUpdates in progress (as "no updates") and any later one; TelegramBots must be stopped first. */
    void endLongPoll() {
        ended = true;
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
        client.connectionPool().evictAll();
    }

    private Response quietAfterEnd(Interceptor.Chain chain) throws IOException {
        try {
            if (ended) throw new IOException("long polling has ended");
            return chain.proceed(chain.request());
        } catch (IOException e) {
            if (!ended || !chain.request().url().encodedPath().toLowerCase(Locale.ROOT).endsWith("/getupdates")) throw e;
            return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("OK")
                    .body(ResponseBody.create(NO_UPDATES, MediaType.get("application/json"))).build();
        }
    }

    /** Plain sockets, remembered so that {@link #endLongPoll} can close them; TLS layers on top of them. */
    private final class TrackedSockets extends SocketFactory {
        private final SocketFactory plain = SocketFactory.getDefault();

        private Socket track(Socket s) {
            sockets.removeIf(Socket::isClosed);
            sockets.add(s);
            return s;
        }

        @Override
        public Socket createSocket() throws IOException {
            return track(plain.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return track(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return track(plain.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return track(plain.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return track(plain.createSocket(address, port, localAddress, localPort));
        }
    }
}
