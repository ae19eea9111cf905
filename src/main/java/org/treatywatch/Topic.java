package org.treatywatch;

import org.treatywatch.config.FeedsFile;
import org.treatywatch.detect.Concept;
import org.treatywatch.detect.Lexicon;
import org.treatywatch.detect.TopicDetector;

/** Builds the detector from the {@code topics:} section of feeds.yaml. */
public final class Topic {
    private Topic() {}

    public static TopicDetector detector(FeedsFile.Loaded loaded) {
        Lexicon lexicon = new Lexicon(loaded.topics());
        if (lexicon.size(Concept.RUSSIA) == 0 || lexicon.size(Concept.IRAN) == 0 || lexicon.size(Concept.TREATY) == 0) {
            throw new IllegalStateException("feeds.yaml: topics needs words for russia, iran and treaty; nothing could ever match");
        }
        return new TopicDetector(lexicon, loaded.threshold());
    }
}
