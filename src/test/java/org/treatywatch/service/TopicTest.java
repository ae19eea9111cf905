package org.treatywatch.service;

import org.treatywatch.TestFiles;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.treatywatch.config.FeedsFile;
import org.treatywatch.detect.TopicDetector;

/** The topic is built in: feeds.yaml may leave it out, or replace one concept at a time. */
class TopicTest {
    static final String FEEDS_ONLY = "feeds:\n  - id: a\n    url: https://example.org/rss\n    language: ar\n";

    @Test
    void aFeedsYamlWithoutTopicsUsesTheBuiltInTopic() {
        TopicDetector d = Topic.detector(FeedsFile.parse("feeds.yaml", FEEDS_ONLY), TestFiles.shippedGazetteer());
        assertThat(d.detect("بوتين يستقبل لاريجاني في الكرملين", "").relevant()).isTrue();
        assertThat(d.detect("روسيا وكوريا الشمالية توقعان معاهدة شراكة استراتيجية", "").relevant()).isFalse();
    }

    @Test
    void aConceptListedInFeedsYamlReplacesOnlyThatConcept() {
        String yaml = FEEDS_ONLY + "topics:\n  threshold: 0.6\n  interaction: [rendezvous]\n";
        TopicDetector d = Topic.detector(FeedsFile.parse("feeds.yaml", yaml), TestFiles.shippedGazetteer());
        // (a meeting verb is read as an event frame from the gazetteer, which feeds.yaml does not replace)
        assertThat(d.detect("روسيا وإيران تعززان التعاون في مجال الطاقة", "").relevant()).as("the built-in interaction words were replaced").isFalse();
        assertThat(d.detect("Putin rendezvous with Larijani", "").relevant()).isTrue();
        assertThat(d.detect("روسيا وإيران توقعان معاهدة الشراكة", "").relevant()).as("treaty words stay built in").isTrue();
    }
}
