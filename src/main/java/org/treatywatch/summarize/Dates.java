package org.treatywatch.summarize;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treatywatch.text.Clitics;
import org.treatywatch.text.Normalizer;

/** Explicit dates written in Hebrew, Arabic or English news text: day, month name, year, or ISO 2025-01-17. */
final class Dates {
    /** Month names by normalized form, from lexicon/months.txt (Hebrew, Arabic — both calendars' names — and English). */
    private static final Map<String, Integer> MONTHS = loadMonths();

    // Day, month name (one or two words, perhaps with a clitic), year.
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2})\\s+(\\p{L}+(?:\\s\\p{L}+)?)\\s*[,\\u060C]?\\s+(\\d{4})\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

    private Dates() {}

    static Optional<LocalDate> find(String text) {
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

    private static Map<String, Integer> loadMonths() {
        Map<String, Integer> out = new HashMap<>();
        try (InputStream in = Dates.class.getResourceAsStream("/lexicon/months.txt")) {
            int month = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                month++;
                for (String name : line.split("\\|")) out.put(Normalizer.forMatching(name.strip()), month);
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("lexicon/months.txt is missing from the jar", e);
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
