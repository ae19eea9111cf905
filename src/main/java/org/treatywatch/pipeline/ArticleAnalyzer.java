package org.treatywatch.pipeline;

import org.treatywatch.detect.Relevance;
import org.treatywatch.detect.TopicDetector;
import org.treatywatch.extract.Article;
import org.treatywatch.summarize.Alert;
import org.treatywatch.summarize.Summarizer;

/** Judges an extracted article and prepares its alert; shared by polling and {@code inspect}. */
public final class ArticleAnalyzer {
    private final TopicDetector detector;

    public ArticleAnalyzer(TopicDetector detector) {
        this.detector = detector;
    }

    public Analysis analyse(Article article, String outlet, String url) {
        String body = article.text();
        Relevance r = detector.detect(article.title(), body);
        String summary = Summarizer.summarize(article.title(), body, r.evidence());
        // The "why" line should show the article's own sentence, not repeat the headline above it.
        String why = r.evidence().stream().filter(e -> !e.strip().equals(article.title().strip())).findFirst().orElse(r.why());
        Alert alert = new Alert(article.title(), summary, why, url == null ? article.canonicalUrl() : url, outlet,
                article.language(), article.published());
        return new Analysis(article, r, alert);
    }
}
