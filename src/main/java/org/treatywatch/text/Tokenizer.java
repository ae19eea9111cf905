package org.treatywatch.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits normalized text into word tokens. A geresh or gershayim between Hebrew letters stays
 * inside the word (ארה"ב, ג'ו), everything else that is not a letter or digit separates words.
 */
public final class Tokenizer {
    private Tokenizer() {}

    /** Tokens of text that is already in {@link Normalizer#forMatching} form. */
    public static List<String> tokens(String normalized) {
        List<String> out = new ArrayList<>();
        int n = normalized.length();
        int start = -1;
        for (int i = 0; i < n; i++) {
            char c = normalized.charAt(i);
            boolean word = Character.isLetterOrDigit(c)
                    || ((c == '"' || c == '\'') && start >= 0 && i + 1 < n
                        && isHebrew(normalized.charAt(i - 1)) && isHebrew(normalized.charAt(i + 1)));
            if (word) {
                if (start < 0) start = i;
            } else if (start >= 0) {
                out.add(normalized.substring(start, i));
                start = -1;
            }
        }
        if (start >= 0) out.add(normalized.substring(start));
        return out;
    }

    /** Normalizes, then tokenizes. */
    public static List<String> normalizedTokens(String text) {
        return tokens(Normalizer.forMatching(text));
    }

    private static boolean isHebrew(char c) {
        return c >= '\u05D0' && c <= '\u05EA';
    }
}
