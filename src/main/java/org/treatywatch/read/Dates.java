package org.treatywatch.read;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treatywatch.text.Clitics;
import org.treatywatch.text.Normalizer;

/**
 * Dates written in Hebrew, Arabic, Russian, Persian or English news text: explicit (day, month name,
 * year, Persian dates in the Solar Hijri calendar too; ISO 2025-01-17; day and month in the
 * publication's year) or relative to the publication day
 * ("today", "yesterday", "on Friday", "next week").
 */
public final class Dates {
    /** Month names by normalized form, from lexicon/months.txt (Hebrew, Arabic — both calendars' names — and English). */
    private static final Map<String, Integer> MONTHS = loadMonths("/lexicon/months.txt", 0);
    /** Solar Hijri month names (lexicon/solar-months.txt), numbered from SOLAR + 1: Iranian outlets date news in them. */
    private static final int SOLAR = 100;
    private static final Map<String, Integer> SOLAR_MONTHS = loadMonths("/lexicon/solar-months.txt", SOLAR);

    // Day, month name (one or two words, perhaps with a clitic), year.
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2})\\s+(\\p{L}+(?:\\s\\p{L}+)?)\\s*[,\\u060C]?\\s+(\\d{4})\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

    /** Relative date words, from lexicon/relative-dates.txt. */
    private static final org.treatywatch.text.PhraseMatcher<String> RELATIVE = loadRelative();
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})\\s+(\\p{L}+(?:\\s\\p{L}+)?)");

    /** "in the year N": the year words before and after the number, from lexicon/year-words.txt. */
    private static final Pattern YEAR = yearPattern();

    private Dates() {}

    /**
     * The year an event is placed in by "in the year N" (בשנת 2025, في عام 2025, в 2025 году; a Solar Hijri
     * year, در سال ۱۴۰۳, as the Gregorian year it ends in), when the text names one.
     */
    public static Optional<Integer> yearOf(String text) {
        Matcher m = YEAR.matcher(Normalizer.forMatching(text));
        while (m.find()) {
            int y = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
            // a solar year (در سال ۱۳۴۵, the 1966 cultural agreement) or a Gregorian one since the 1950s ("the 1992 agreement")
            if (y >= 1300 && y <= 1480) return Optional.of(y + 622);
            if (y >= 1950 && y <= 2100) return Optional.of(y);
        }
        return Optional.empty();
    }

    /** A month named without a day ("signed in January", تم التوقيع في يناير, в январе, בינואר): which, and at which token. */
    public record MonthMention(int month, int token) {}

    /** The month names without a day in a sentence's normalized tokens, in order. */
    public static List<MonthMention> monthsIn(List<String> tokens) {
        List<MonthMention> out = new java.util.ArrayList<>(1);
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0 && tokens.get(i - 1).chars().allMatch(Character::isDigit)) continue; // "17 January" is a day
            if (i + 1 < tokens.size() && tokens.get(i + 1).chars().allMatch(Character::isDigit)) continue; // "January 17"
            for (String reading : Clitics.readings(tokens.get(i))) {
                Integer m = MONTHS.get(reading);
                // a bare month word that is also a common word (מאי, may, март) counts only after "in"
                if (m != null && m <= 12 && (reading.length() > 4 || i > 0 && IN.contains(tokens.get(i - 1)))) {
                    out.add(new MonthMention(m, i));
                    break;
                }
            }
        }
        return out;
    }

    private static final java.util.Set<String> IN = java.util.Set.of("in", "\u0641\u064A", "\u0432", "\u062F\u0631"); // in, في, в, در

    private static Pattern yearPattern() {
        String before = "", after = "";
        for (String line : resourceLines("/lexicon/year-words.txt")) {
            String words = String.join("|", java.util.Arrays.stream(line.substring(line.indexOf(':') + 1).split("\\|"))
                    .map(w -> Pattern.quote(Normalizer.forMatching(w.strip()))).toList());
            if (line.startsWith("before:")) before = words;
            if (line.startsWith("after:")) after = words;
        }
        // a year word as a whole word, or with a Hebrew/Arabic proclitic (בשנת, وفي عام is two words)
        return Pattern.compile("(?:^|[\\s\\p{P}])(?:[\\u05D1\\u05D5\\u0648\\u0641\\u0628]?(?:" + before + "))\\s+(\\d{4})(?!\\d)"
                + "|(?<!\\d)(\\d{4})\\s+(?:" + after + ")(?![\\p{L}])");
    }

    /**
     * The event's date: an explicit date first, else a relative one resolved against the
     * publication day; a weekday is the one before publication, or after it for what is to come.
     */
    public static Optional<LocalDate> find(String text, Optional<LocalDate> published, boolean upcoming) {
        Optional<LocalDate> explicit = find(text);
        if (explicit.isPresent() || published.isEmpty()) return explicit;
        LocalDate day = published.get();
        Optional<LocalDate> dayMonth = dayMonth(text, day);
        if (dayMonth.isPresent()) return dayMonth;
        for (org.treatywatch.text.PhraseMatcher.Match<String> m : RELATIVE.find(text)) {
            Optional<LocalDate> d = relative(m.label(), day, upcoming);
            if (d.isPresent()) return d;
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> relative(String key, LocalDate day, boolean upcoming) {
        switch (key) {
            case "today": return Optional.of(day);
            case "yesterday": return Optional.of(day.minusDays(1));
            case "tomorrow": return Optional.of(day.plusDays(1));
            case "next_week": return Optional.of(day.with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY)));
            default:
                try {
                    java.time.DayOfWeek dow = java.time.DayOfWeek.valueOf(key.toUpperCase(java.util.Locale.ROOT));
                    return Optional.of(day.with(upcoming ? java.time.temporal.TemporalAdjusters.next(dow)
                            : java.time.temporal.TemporalAdjusters.previousOrSame(dow)));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
        }
    }

    /** "17 January" without a year: the publication's year. */
    private static Optional<LocalDate> dayMonth(String text, LocalDate published) {
        Matcher m = DAY_MONTH.matcher(Normalizer.forMatching(text));
        while (m.find()) {
            Integer month = month(m.group(2));
            if (month != null) {
                Optional<LocalDate> d = month > SOLAR ? solar(solarYear(published), month - SOLAR, m.group(1))
                        : date(String.valueOf(published.getYear()), String.valueOf(month), m.group(1));
                if (d.isPresent()) return d;
            }
        }
        return Optional.empty();
    }

    public static Optional<LocalDate> find(String text) {
        String t = Normalizer.forMatching(text);
        Matcher iso = ISO.matcher(t);
        if (iso.find()) return date(iso.group(1), iso.group(2), iso.group(3));
        Matcher m = DAY_MONTH_YEAR.matcher(t);
        while (m.find()) {
            Integer month = month(m.group(2));
            if (month != null) {
                Optional<LocalDate> d = month > SOLAR ? solar(Integer.parseInt(m.group(3)), month - SOLAR, m.group(1))
                        : date(m.group(3), String.valueOf(month), m.group(1));
                if (d.isPresent()) return d;
            }
        }
        return Optional.empty();
    }

    /** The month a name (or its first word) stands for, read with clitics removed ("in January" is one Hebrew word). */
    private static Integer month(String words) {
        for (String candidate : new String[] {words, words.split("\\s")[0]}) {
            for (String reading : Clitics.readings(candidate)) {
                Integer m = MONTHS.getOrDefault(reading, SOLAR_MONTHS.get(reading));
                if (m != null) return m;
            }
        }
        return null;
    }

    private static org.treatywatch.text.PhraseMatcher<String> loadRelative() {
        org.treatywatch.text.PhraseMatcher<String> out = new org.treatywatch.text.PhraseMatcher<>();
        for (String line : resourceLines("/lexicon/relative-dates.txt")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon).strip();
            for (String form : line.substring(colon + 1).split("\\|")) out.add(key, form.strip());
        }
        return out;
    }

    private static List<String> resourceLines(String name) {
        try (InputStream in = Dates.class.getResourceAsStream(name)) {
            List<String> out = new java.util.ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (!line.isBlank() && !line.startsWith("#")) out.add(line);
            }
            return out;
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException(name + " is missing from the jar", e);
        }
    }

    private static Map<String, Integer> loadMonths(String resource, int first) {
        Map<String, Integer> out = new HashMap<>();
        int month = first;
        for (String line : resourceLines(resource)) {
            month++;
            for (String name : line.split("\\|")) out.put(Normalizer.forMatching(name.strip()), month);
        }
        return out;
    }

    /** A Solar Hijri day (1403, month 10, day 28) as its Gregorian date (2025-01-17), through ICU's calendar. */
    private static Optional<LocalDate> solar(int year, int month, String day) {
        int d;
        try {
            d = Integer.parseInt(day);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (year < 1380 || year > 1480 || d < 1 || d > 31 || (month > 6 && d > 30)) return Optional.empty();
        PersianCalendar c = new PersianCalendar(TimeZone.GMT_ZONE);
        c.clear();
        c.set(year, month - 1, d);
        LocalDate g = Instant.ofEpochMilli(c.getTimeInMillis()).atZone(ZoneOffset.UTC).toLocalDate();
        return date(String.valueOf(g.getYear()), String.valueOf(g.getMonthValue()), String.valueOf(g.getDayOfMonth()));
    }

    /** The Solar Hijri year a Gregorian day falls in. */
    private static int solarYear(LocalDate day) {
        PersianCalendar c = new PersianCalendar(TimeZone.GMT_ZONE);
        c.setTimeInMillis(day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        return c.get(Calendar.EXTENDED_YEAR);
    }

    private static Optional<LocalDate> date(String y, String m, String d) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
            return date.getYear() >= 2000 && date.getYear() <= 2100 ? Optional.of(date) : Optional.empty();
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
