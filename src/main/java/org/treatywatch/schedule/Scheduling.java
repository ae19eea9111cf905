package org.treatywatch.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.treatywatch.pipeline.FeedPoller;
import org.treatywatch.store.FeedRow;

/**
 * The Quartz scheduler. {@link #sync} makes the poll jobs match the active feeds: new feeds start
 * after a little jitter (or when their interval since the last poll is up, if that is later),
 * changed intervals are rescheduled, removed or paused feeds lose their job.
 *
 * <p>On H2 (one instance) the schedule lives in memory: it is nothing but the feeds table and the
 * time of each feed's last poll, both stored, so a start rebuilds it. A database job store would
 * write four or five rows on every fire, a 304 included, and grow the H2 file by megabytes a
 * minute. On PostgreSQL the job store is Quartz's tables, clustered: several instances share the
 * poll jobs and Quartz's row locks make sure no feed is polled by two of them at once; triggers
 * that misfired while every instance was down fire once at start.
 */
public final class Scheduling implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Scheduling.class);
    static final String GROUP = "feeds";
    private static final Duration MAX_JITTER = Duration.ofSeconds(30);

    private final Scheduler scheduler;
    private final FeedPoller poller;
    private final Clock clock;

    /** With postgres, the job store is Quartz's tables on the data source, clustered; else in memory. */
    public Scheduling(DataSource dataSource, FeedPoller poller, int threads, boolean postgres, Clock clock) {
        this.poller = poller;
        this.clock = clock;
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "treatywatch");
        // Quartz's AUTO id is host + start millisecond: two instances started together would share it.
        p.setProperty("org.quartz.scheduler.instanceId", instanceId());
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(threads));
        // Take due triggers in batches (one lock and one query for several feeds), up to a second
        // ahead: most of a 304 poll's cost was the job store's bookkeeping for one trigger at a time.
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", String.valueOf(threads));
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow", "1000");
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "30000");
        if (postgres) {
            clusteredJobStore(p, dataSource);
        } else {
            p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        }
        try {
            scheduler = new StdSchedulerFactory(p).getScheduler();
            scheduler.setJobFactory((bundle, s) -> new PollFeedJob(poller));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot create the scheduler: " + e.getMessage(), e);
        }
    }

    private static void clusteredJobStore(Properties p, DataSource dataSource) {
        String dsName = "treatywatch-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dsName, new ConnectionProvider() {
            @Override public Connection getConnection() throws SQLException { return dataSource.getConnection(); }
            @Override public void shutdown() { }
            @Override public void initialize() { }
        });
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        p.setProperty("org.quartz.jobStore.dataSource", dsName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
    }

    public void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    /** Makes the jobs match the feeds: one per active feed at its interval. */
    public synchronized void sync(List<FeedRow> feeds) {
        try {
            Set<JobKey> wanted = new HashSet<>();
            for (FeedRow f : feeds) {
                if (!f.active()) continue;
                JobKey key = jobKey(f.id());
                wanted.add(key);
                long intervalMs = f.def().interval().toMillis();
                Trigger existing = scheduler.getTrigger(triggerKey(f.id()));
                if (existing instanceof SimpleTrigger st && st.getRepeatInterval() == intervalMs && scheduler.checkExists(key)) continue;
                if (scheduler.checkExists(key)) scheduler.deleteJob(key);
                try {
                    scheduler.scheduleJob(
                            JobBuilder.newJob(PollFeedJob.class).withIdentity(key).usingJobData(PollFeedJob.FEED_ID, f.id()).build(),
                            TriggerBuilder.newTrigger().withIdentity(triggerKey(f.id()))
                                    .startAt(Date.from(firstPoll(f, clock.instant())))
                                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                            .withIntervalInMilliseconds(intervalMs).repeatForever()
                                            .withMisfireHandlingInstructionNowWithExistingCount())
                                    .build());
                } catch (ObjectAlreadyExistsException e) {
                    continue; // another instance of the cluster scheduled it a moment ago
                }
                log.info("feed={} scheduled every {}s", f.id(), intervalMs / 1000);
            }
            for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                if (!wanted.contains(key)) {
                    scheduler.deleteJob(key);
                    log.info("feed={} unscheduled", key.getName());
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule feeds: " + e.getMessage(), e);
        }
    }

    /**
     * When a newly scheduled feed is first polled: after a little jitter, so a start does not fetch
     * every feed in the same second, and not before its interval since the last poll is up, so a
     * restart does not poll again what was just polled (a 304 records its time every ten minutes at
     * most, so a restart may poll a quiet feed up to that much early).
     */
    static Instant firstPoll(FeedRow feed, Instant now) {
        long intervalMs = feed.def().interval().toMillis();
        Instant jittered = now.plusMillis(ThreadLocalRandom.current().nextLong(Math.min(intervalMs / 10, MAX_JITTER.toMillis()) + 1));
        Instant last = latest(feed.lastSuccess(), feed.lastErrorAt());
        if (last == null) return jittered;
        Instant due = last.plus(feed.def().interval());
        Instant latestDue = now.plus(feed.def().interval()); // a clock set back must not postpone polls
        if (due.isAfter(latestDue)) due = latestDue;
        return due.isAfter(jittered) ? due : jittered;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isAfter(b) ? a : b;
    }

    public boolean isRunning() {
        try {
            return scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** Polls a feed as soon as a worker is free, outside its schedule. */
    public boolean pollNow(String feedId) {
        try {
            if (!scheduler.checkExists(jobKey(feedId))) return false;
            scheduler.triggerJob(jobKey(feedId));
            return true;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot trigger feed " + feedId + ": " + e.getMessage(), e);
        }
    }

    public Set<String> scheduledFeeds() {
        try {
            Set<String> out = new HashSet<>();
            for (JobKey k : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) out.add(k.getName());
            return out;
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    static String instanceId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "host";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static JobKey jobKey(String feedId) {
        return JobKey.jobKey(feedId, GROUP);
    }

    static TriggerKey triggerKey(String feedId) {
        return TriggerKey.triggerKey(feedId, GROUP);
    }

    @Override
    public void close() {
        poller.stop(); // running polls end now instead of after their remaining items and timeouts
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("scheduler shutdown: {}", e.getMessage());
        }
    }
}
