package org.treatywatch.pipeline;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.treatywatch.detect.Relevance;
import org.treatywatch.detect.TopicDetector;
import org.treatywatch.extract.Article;
import org.treatywatch.read.Reading;
import org.treatywatch.summarize.Alert;
import org.treatywatch.summarize.EventCard;
import org.treatywatch.read.Gazetteer;
import org.treatywatch.summarize.Summarizer;
import org.treatywatch.text.Sentences;

/** Judges an extracted article and prepares its alert; shared by polling and {@code inspect}. */
public final class ArticleAnalyzer {
    /**
     * What of an article is judged and summarized: news articles are far shorter; a hostile 5 MB page
     * is judged by its first part instead of holding a poll worker.
     */
    static final int MAX_ANALYSED_CHARS = 100_000;

    /** The topic and the gazetteer, judged together. */
    public record Knowledge(TopicDetector detector, Gazetteer gazetteer) {}

    private final java.util.function.Supplier<Knowledge> load;
    private volatile Knowledge knowledge;

    public ArticleAnalyzer(TopicDetector detector, Gazetteer gazetteer) {
        this.knowledge = new Knowledge(detector, gazetteer);
        this.load = () -> knowledge;
    }

    /**
     * Loads the topic and gazetteer on first use: a poll where every feed answers 304, or every
     * item is a first poll's baseline, never needs them, and building them is most of a start.
     */
    public ArticleAnalyzer(java.util.function.Supplier<Knowledge> load) {
        this.load = load;
    }

    private Knowledge knowledge() {
        Knowledge k = knowledge;
        if (k != null) return k;
        synchronized (this) {
            if (knowledge == null) knowledge = load.get();
            return knowledge;
        }
    }

    public Gazetteer gazetteer() {
        return knowledge().gazetteer();
    }

    /** After feeds.yaml or the gazetteer changed (/reload, file edit). */
    public void replace(TopicDetector detector, Gazetteer gazetteer) {
        this.knowledge = new Knowledge(detector, gazetteer);
    }

    public Analysis analyse(Article article, String outlet, String url) {
        return analyse(article, outlet, url, true);
    }

    /**
     * Polling's analysis: the summary and event card are written only for a relevant article (most
     * items are not, and the card is a good part of the cost); an irrelevant one gets no alert (null).
     */
    Analysis judge(Article article, String outlet, String url) {
        return analyse(article, outlet, url, false);
    }

    private Analysis analyse(Article article, String outlet, String url, boolean alwaysAlert) {
        Knowledge k = knowledge();
        TopicDetector detector = k.detector();
        Gazetteer gazetteer = k.gazetteer();
        String body = Sentences.bounded(article.text(), MAX_ANALYSED_CHARS);
        Optional<LocalDate> date = article.published().map(t -> t.atZone(ZoneOffset.UTC).toLocalDate());
        Reading reading = detector.reader().read(article.title(), body, date);
        Relevance r = detector.judge(reading);
        if (!alwaysAlert && !r.relevant()) return new Analysis(article, r, null, reading);
        String summary = Summarizer.summarize(article.title(), body, r.evidence());
        // The "why" line shows the article's own evidence: not the headline, and not a sentence the summary already shows.
        List<String> bodyEvidence = r.evidence().stream().filter(e -> !article.title().contains(e.strip())).toList();
        String why = bodyEvidence.stream().filter(e -> !summary.contains(e.strip())).findFirst().orElse("");
        EventCard card = EventCard.of(reading, gazetteer, date);
        Alert alert = new Alert(article.title(), summary, why, url == null ? article.canonicalUrl() : url, outlet,
                article.language(), article.published(), card);
        return new Analysis(article, r, alert, reading);
    }
}
