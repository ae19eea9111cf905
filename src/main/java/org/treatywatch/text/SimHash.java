package org.treatywatch.text;

import java.util.List;

/**
 * 64-bit SimHash over normalized word 3-shingles: near-identical texts (the same wire story on two
 * sites, a page printed twice) differ in a few bits, different texts in about half.
 */
public final class SimHash {
    private static final int SHINGLE = 3;

    private SimHash() {}

    public static long of(String text) {
        List<String> words = Tokenizer.normalizedTokens(text);
        int[] votes = new int[64];
        int n = Math.max(1, words.size() - SHINGLE + 1);
        for (int i = 0; i < n; i++) {
            long h = fnv(words.subList(i, Math.min(words.size(), i + SHINGLE)));
            for (int b = 0; b < 64; b++) votes[b] += ((h >>> b) & 1) == 1 ? 1 : -1;
        }
        long out = 0;
        for (int b = 0; b < 64; b++) if (votes[b] > 0) out |= 1L << b;
        return out;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    private static long fnv(List<String> words) {
        long h = 0xcbf29ce484222325L;
        for (String w : words) {
            for (int i = 0; i < w.length(); i++) {
                h ^= w.charAt(i);
                h *= 0x100000001b3L;
            }
            h ^= ' ';
            h *= 0x100000001b3L;
        }
        return h;
    }
}
