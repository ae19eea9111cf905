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

    /** Longer than any interval, mute or retention anyone means; bigger numbers would overflow. */
    public static final Duration MAX = Duration.ofDays(36_500);
    private static final int MAX_DIGITS = 12;

    /** The duration, or an exception whose message says how to write it; never more than {@link #MAX}. */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase();
        if (t.matches("\\d+")) throw new IllegalArgumentException("\"" + text + "\" needs a unit, e.g. " + t + "m");
        if (!WHOLE.matcher(t).matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration; write e.g. 30s, 10m, 1h or 1h30m");
        }
        Duration d = Duration.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            String digits = m.group(1).replaceFirst("^0+(?=\\d)", "");
            if (digits.length() > MAX_DIGITS) throw tooLong(text);
            long n = Long.parseLong(digits); // < 10^12: times 86,400 still fits a long
            d = d.plus(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
            if (d.compareTo(MAX) > 0) throw tooLong(text);
        }
        return d;
    }

    private static IllegalArgumentException tooLong(String text) {
        return new IllegalArgumentException("\"" + text + "\" is too long; at most " + MAX.toDays() + "d");
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
