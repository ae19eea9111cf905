package org.treatywatch.detect;

import org.treatywatch.read.Concept;
import java.util.List;
import java.util.Set;

/**
 * The detector's verdict: relevant or not, a score in [0, 1], the concepts seen together and the
 * sentences (as published) that made the case.
 */
public record Relevance(boolean relevant, double score, Set<Concept> concepts, List<String> evidence) {
    public static Relevance none() {
        return new Relevance(false, 0, Set.of(), List.of());
    }

    /** The first evidence sentence, or empty: the alert's "why" line. */
    public String why() {
        return evidence.isEmpty() ? "" : evidence.get(0);
    }
}
