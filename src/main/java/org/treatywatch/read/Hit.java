package org.treatywatch.read;

/** A lexicon form found in a token list, covering tokens [start, end). */
public record Hit(Concept concept, String form, int start, int end) {
    boolean inside(Hit other) {
        return start >= other.start && end <= other.end && this != other;
    }
}
