package org.treatywatch.pipeline;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.treatywatch.detect.Relevance;
import org.treatywatch.detect.TopicDetector;
import org.treatywatch.extract.Article;
import org.treatywatch.summarize.Alert;
import org.treatywatch.summarize.EventCard;
import org.treatywatch.summarize.Gazetteer;
import org.treatywatch.summarize.Summarizer;
import org.treatywatch.text.Sentences;

/** Judges an extracted article and prepares its alert; shared by polling and {@code inspect}. */
public final class ArticleAnalyzer {
    private static final int LEAD_SENTENCES = 3;
    /**
     * What of an article is judged and summarized: news articles are far shorter; a hostile 5 MB page
     * is judged by its first part instead of holding a poll worker.
     */
    static final int MAX_ANALYSED_CHARS = 100_000;

    private volatile TopicDetector detector;
    private volatile Gazetteer gazetteer;

    public ArticleAnalyzer(TopicDetector detector, Gazetteer gazetteer) {
        this.detector = detector;
        this.gazetteer = gazetteer;
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** After feeds.yaml or the gazetteer changed (/reload, file edit). */
    public void replace(TopicDetector detector, Gazetteer gazetteer) {
        this.detector = detector;
        this.gazetteer = gazetteer;
    }

    public Analysis analyse(Article article, String outlet, String url) {
        String body = Sentences.bounded(article.text(), MAX_ANALYSED_CHARS);
        Relevance r = detector.detect(article.title(), body);
        String summary = Summarizer.summarize(article.title(), body, r.evidence());
        // The "why" line shows the article's own evidence: not the headline, and not a sentence the summary already shows.
        List<String> bodyEvidence = r.evidence().stream().filter(e -> !article.title().contains(e.strip())).toList();
        String why = bodyEvidence.stream().filter(e -> !summary.contains(e.strip())).findFirst().orElse("");
        List<String> sentences = Sentences.split(body);
        List<String> lead = sentences.subList(0, Math.min(LEAD_SENTENCES, sentences.size()));
        Optional<LocalDate> date = article.published().map(t -> t.atZone(ZoneOffset.UTC).toLocalDate());
        EventCard card = EventCard.of(gazetteer, article.title(), r.evidence(), lead, date);
        Alert alert = new Alert(article.title(), summary, why, url == null ? article.canonicalUrl() : url, outlet,
                article.language(), article.published(), card);
        return new Analysis(article, r, alert);
    }
}
