package org.treatywatch.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the short durations people write in feeds.yaml and bot commands: 30s, 10m, 1h30m. */
public final class Durations {
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(5);
    public static final Duration MAX_INTERVAL = Duration.ofHours(24);
    private static final Pattern WHOLE = Pattern.compile("(\\d+[smhd])+");
    private static final Pattern PART = Pattern.compile("(\\d+)([smhd])");

    private Durations() {}

    /** The duration, or an exception whose message says how to write it. */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase();
        if (t.matches("\\d+")) throw new IllegalArgumentException("\"" + text + "\" needs a unit, e.g. " + t + "m");
        if (!WHOLE.matcher(t).matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration; write e.g. 30s, 10m, 1h or 1h30m");
        }
        Duration d = Duration.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        return d;
    }

    /** A poll interval: a duration between 5s and 24h. */
    public static Duration parseInterval(String text) {
        Duration d = parse(text);
        if (d.compareTo(MIN_INTERVAL) < 0 || d.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("\"" + text + "\" is outside 5s .. 24h");
        }
        return d;
    }

    public static String format(Duration d) {
        long s = d.getSeconds();
        if (s % 3600 == 0) return s / 3600 + "h";
        if (s % 60 == 0) return s / 60 + "m";
        return s + "s";
    }
}
