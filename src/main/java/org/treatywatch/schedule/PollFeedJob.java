package org.treatywatch.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatywatch.pipeline.FeedPoller;

/** Polls one feed; never two runs of the same feed at once. */
@DisallowConcurrentExecution
public final class PollFeedJob implements Job {
    static final String FEED_ID = "feedId";
    private static final Logger log = LoggerFactory.getLogger(PollFeedJob.class);

    private final FeedPoller poller;

    PollFeedJob(FeedPoller poller) {
        this.poller = poller;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String feedId = context.getMergedJobDataMap().getString(FEED_ID);
        try {
            poller.pollScheduled(feedId);
        } catch (RuntimeException | Error e) {
            // One broken feed must not disturb the scheduler or the other feeds; an Error escaping a
            // Quartz job would leave the feed's trigger in ERROR state, never fired again.
            log.error("feed={} poll crashed: {}", feedId, e.getMessage(), e);
        }
    }
}
