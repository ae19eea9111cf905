package org.treatywatch.read;

import java.time.DateTimeException;
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
 * Dates written in Hebrew, Arabic or English news text: explicit (day, month name, year; ISO
 * 2025-01-17; day and month in the publication's year) or relative to the publication day
 * ("today", "yesterday", "on Friday", "next week").
 */
public final class Dates {
    /** Month names by normalized form, from lexicon/months.txt (Hebrew, Arabic — both calendars' names — and English). */
    private static final Map<String, Integer> MONTHS = loadMonths();

    // Day, month name (one or two words, perhaps with a clitic), year.
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2})\\s+(\\p{L}+(?:\\s\\p{L}+)?)\\s*[,\\u060C]?\\s+(\\d{4})\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

    /** Relative date words, from lexicon/relative-dates.txt. */
    private static final org.treatywatch.text.PhraseMatcher<String> RELATIVE = loadRelative();
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})\\s+(\\p{L}+(?:\\s\\p{L}+)?)");

    private Dates() {}

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
                Optional<LocalDate> d = date(String.valueOf(published.getYear()), String.valueOf(month), m.group(1));
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
                Optional<LocalDate> d = date(m.group(3), String.valueOf(month), m.group(1));
                if (d.isPresent()) return d;
            }
        }
        return Optional.empty();
    }

    /** The month a name (or its first word) stands for, read with clitics removed ("in January" is one Hebrew word). */
    private static Integer month(String words) {
        for (String candidate : new String[] {words, words.split("\\s")[0]}) {
            for (String reading : Clitics.readings(candidate)) {
                Integer m = MONTHS.get(reading);
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

    private static Map<String, Integer> loadMonths() {
        Map<String, Integer> out = new HashMap<>();
        int month = 0;
        for (String line : resourceLines("/lexicon/months.txt")) {
            month++;
            for (String name : line.split("\\|")) out.put(Normalizer.forMatching(name.strip()), month);
        }
        return out;
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
