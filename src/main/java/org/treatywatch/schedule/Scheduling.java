package org.treatywatch.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
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
 * The Quartz scheduler on our own connection pool. {@link #sync} makes the poll jobs match the
 * active feeds: new feeds start after a little jitter, changed intervals are rescheduled, removed
 * or paused feeds lose their job. Triggers that misfired while we were down fire once at start.
 */
public final class Scheduling implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Scheduling.class);
    static final String GROUP = "feeds";
    private static final Duration MAX_JITTER = Duration.ofSeconds(30);

    private final Scheduler scheduler;
    private final FeedPoller poller;

    /**
     * On PostgreSQL the job store is clustered: several instances share the poll jobs and Quartz's
     * row locks make sure no feed is polled by two of them at once.
     */
    public Scheduling(DataSource dataSource, FeedPoller poller, int threads, boolean postgres) {
        this.poller = poller;
        String dsName = "treatywatch-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dsName, new ConnectionProvider() {
            @Override public Connection getConnection() throws SQLException { return dataSource.getConnection(); }
            @Override public void shutdown() { }
            @Override public void initialize() { }
        });
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
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", postgres
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.isClustered", String.valueOf(postgres));
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        p.setProperty("org.quartz.jobStore.dataSource", dsName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "30000");
        try {
            scheduler = new StdSchedulerFactory(p).getScheduler();
            scheduler.setJobFactory((bundle, s) -> new PollFeedJob(poller));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot create the scheduler: " + e.getMessage(), e);
        }
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
                long jitter = ThreadLocalRandom.current().nextLong(Math.min(intervalMs / 10, MAX_JITTER.toMillis()) + 1);
                try {
                    scheduler.scheduleJob(
                            JobBuilder.newJob(PollFeedJob.class).withIdentity(key).usingJobData(PollFeedJob.FEED_ID, f.id()).build(),
                            TriggerBuilder.newTrigger().withIdentity(triggerKey(f.id()))
                                    .startAt(new Date(System.currentTimeMillis() + jitter))
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
