package org.treatywatch.config;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Masks the bot token wherever text leaves the process (log lines, exceptions, stderr, replies):
 * the configured token itself, whatever its length, and anything shaped like a bot token
 * ({@code 123456:ABC…}, as in {@code /bot123456:ABC…/getMe} echoed by a proxy).
 */
public final class Secrets {
    public static final String MASK = "***";
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    // a bot id (digits) and a secret of any length after the colon
    private static final Pattern TOKEN_SHAPE = Pattern.compile("\\d{3,}:[A-Za-z0-9_\\-]{4,}");

    private Secrets() {}

    /** Remembers a secret so that every later {@link #mask} hides it. */
    public static void register(String secret) {
        if (secret != null && secret.strip().length() >= 4) KNOWN.add(secret.strip());
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        for (String s : KNOWN) if (out.contains(s)) out = out.replace(s, MASK);
        return TOKEN_SHAPE.matcher(out).replaceAll(MASK);
    }
}
