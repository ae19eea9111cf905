package org.treatywatch.search;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.treatywatch.text.Clitics;
import org.treatywatch.text.NameKey;

/**
 * Reads text the way the detector does: normalized (diacritics, Persian letters, final forms,
 * mojibake), each word with its clitic-stripped readings at the same position (والمعاهدة is also
 * معاهده, ופזשכיאן also פזשכיאן) and, for names, their loose consonant key (פזשכיאן and פזשקיאן
 * share one). Lucene has no Hebrew analyzer; this one is built on the project's own text package.
 */
public final class ReadingsAnalyzer extends Analyzer {
    /** Prefix of a name-key term, so keys never collide with words. */
    static final String KEY = "~";
    /** What of a field is read: an archive entry is a title and a few sentences. */
    static final int MAX_CHARS = 20_000;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new ReadingsTokenizer());
    }

    /** The terms of one word: itself, its readings without proclitics, and the name key of each. */
    static List<String> terms(String normalizedWord) {
        List<String> readings = Clitics.readings(normalizedWord);
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>(readings);
        for (String r : readings) {
            String key = NameKey.of(r);
            if (!key.isEmpty()) out.add(KEY + key);
        }
        return new ArrayList<>(out);
    }

    /** The normalized words of a text, in order. */
    static List<String> words(String text) {
        String t = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        return org.treatywatch.text.Tokenizer.normalizedTokens(t);
    }

    private static final class ReadingsTokenizer extends Tokenizer {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
        private List<String> words;
        private int word;
        private List<String> pending = List.of();
        private int next;

        @Override
        public boolean incrementToken() throws IOException {
            if (words == null) words = words(readAll(input));
            while (next >= pending.size()) {
                if (word >= words.size()) return false;
                pending = terms(words.get(word++));
                next = 0;
            }
            clearAttributes();
            term.setEmpty().append(pending.get(next));
            position.setPositionIncrement(next == 0 ? 1 : 0);
            next++;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            words = null;
            word = 0;
            pending = List.of();
            next = 0;
        }

        private static String readAll(Reader r) throws IOException {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[4096];
            for (int n; (n = r.read(buf)) > 0 && sb.length() < MAX_CHARS; ) sb.append(buf, 0, n);
            return sb.toString();
        }
    }
}
