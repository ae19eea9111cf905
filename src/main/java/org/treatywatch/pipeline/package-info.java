/**
 * The pipeline that the scheduler and the CLI call: fetch → parse → extract → detect → match →
 * summarize → store with deliveries. {@link org.treatywatch.pipeline.FeedPoller} runs it for one feed.
 */
package org.treatywatch.pipeline;
