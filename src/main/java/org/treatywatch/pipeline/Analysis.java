package org.treatywatch.pipeline;

import org.treatywatch.detect.Relevance;
import org.treatywatch.extract.Article;
import org.treatywatch.read.Reading;
import org.treatywatch.summarize.Alert;

/**
 * One article as the pipeline sees it: extracted, read into frames, judged, and summarized for an
 * alert (polling leaves alert null when it is not relevant).
 */
public record Analysis(Article article, Relevance relevance, Alert alert, Reading reading) {}
