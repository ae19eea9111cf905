package org.treatywatch.config;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Masks the bot token wherever text leaves the process (log lines, exceptions, stderr, replies):
 * the configured token itself, whatever its length, and anything shaped like a bot token
 * ({@code 123456:ABC…}, as in {@code /bot123456:ABC…/getMe} echoed by a proxy), the token's secret half
 * alone, and database passwords in connection strings ({@code password=…}, {@code //user:pass@host}).
 */
public final class Secrets {
    public static final String MASK = "***";
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    // a bot id (digits) and a secret of any length after the colon
    private static final Pattern TOKEN_SHAPE = Pattern.compile("\\d{3,}:[A-Za-z0-9_\\-]{4,}");

    // jdbc:postgresql://db/x?user=u&password=s3cret, ;PASSWORD=s3cret (H2), postgres://u:s3cret@db
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;\\s]+");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+:)[^@/\\s]+@");

    private Secrets() {}

    /** Remembers a secret so that every later {@link #mask} hides it. */
    public static void register(String secret) {
        if (secret == null || secret.strip().length() < 4) return;
        String s = secret.strip();
        KNOWN.add(s);
        // the part after the bot id is the secret: an error that prints only that half must not show it
        int colon = s.indexOf(':');
        if (colon > 0 && s.length() - colon - 1 >= 8) KNOWN.add(s.substring(colon + 1));
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        for (String s : KNOWN) if (out.contains(s)) out = out.replace(s, MASK);
        out = TOKEN_SHAPE.matcher(out).replaceAll(MASK);
        out = PASSWORD_PARAM.matcher(out).replaceAll("$1" + MASK);
        return USER_INFO.matcher(out).replaceAll("$1" + MASK + "@");
    }
}
