package org.treatywatch.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Feed dates: RFC 822 (RSS) and ISO 8601 (Atom, dc:date), with formatters built once. Real
 * feeds drop the weekday, use two-digit years, zone names or none; what these formatters cannot
 * read goes to Rome's lenient parser, which is slow but rare.
 */
final class FeedDates {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** "Fri, 17 Jan 2025 12:00:00 GMT", "17 Jan 25 12:00 +0300" and the like, weekday optional. */
    private static final DateTimeFormatter RFC_822 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive().parseLenient()
            .optionalStart().appendPattern("EEE").optionalStart().appendLiteral(',').optionalEnd().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE).appendLiteral(' ')
            .appendPattern("MMM").appendLiteral(' ')
            .appendValueReduced(ChronoField.YEAR, 2, 4, 1970).appendLiteral(' ')
            .appendValue(ChronoField.HOUR_OF_DAY, 1, 2, SignStyle.NOT_NEGATIVE).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .appendLiteral(' ').appendOffset("+HHMM", "Z")
            .toFormatter(Locale.US);
    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("GMT", "+0000"), Map.entry("UT", "+0000"), Map.entry("UTC", "+0000"), Map.entry("Z", "+0000"),
            Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"), Map.entry("CST", "-0600"), Map.entry("CDT", "-0500"),
            Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"), Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"),
            Map.entry("IST", "+0200"), Map.entry("IDT", "+0300"), Map.entry("MSK", "+0300"), Map.entry("IRST", "+0330"));

    private FeedDates() {}

    static Optional<Instant> parse(String raw) {
        if (raw == null || raw.isBlank()) return Optional.empty();
        String s = SPACES.matcher(raw.strip()).replaceAll(" ");
        try {
            return Optional.of(Character.isDigit(s.charAt(0)) && s.length() > 4 && s.charAt(4) == '-' ? iso(s) : rfc822(s));
        } catch (DateTimeParseException | IndexOutOfBoundsException e) {
            return lenient(s);
        }
    }

    private static Instant rfc822(String s) {
        int space = s.lastIndexOf(' ');
        String zone = s.substring(space + 1);
        String offset = ZONES.get(zone.toUpperCase(Locale.ROOT));
        if (offset == null && zone.length() == 6 && zone.charAt(3) == ':') offset = zone.substring(0, 3) + zone.substring(4);
        if (offset != null) s = s.substring(0, space + 1) + offset;
        else if (zone.indexOf(':') > 0) s = s + " +0000"; // no zone at all: UTC, as Rome reads it
        return ZonedDateTime.parse(s, RFC_822).toInstant();
    }

    private static Instant iso(String s) {
        if (s.length() == 10) return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
        try {
            return OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
    }

    private static Optional<Instant> lenient(String s) {
        java.util.Date d = com.rometools.rome.io.impl.DateParser.parseDate(s, Locale.US);
        return Optional.ofNullable(d).map(java.util.Date::toInstant);
    }
}
