package org.treatywatch.ops;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ops server's threads: a bounded pool on which each exchange has a deadline for its network
 * phases. The JDK server reads a request's headers on the pool thread, blocking and without a
 * timeout, so a client that never finishes its request would hold a thread for good; here the
 * thread is interrupted once the deadline passes, which closes that client's channel and frees it.
 * While the handler computes the answer (database queries) nothing is interrupted: only while
 * reading the request and writing the answer.
 */
final class DeadlineExecutor implements Executor, AutoCloseable {
    private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

    private final ThreadPoolExecutor pool;
    private final ScheduledThreadPoolExecutor alarms;
    private final Duration deadline;

    /** threads: exchanges at once; queue: exchanges waiting for a thread, beyond which a connection is closed at once. */
    DeadlineExecutor(int threads, int queue, Duration deadline) {
        this.deadline = deadline;
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "ops-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true); // an idle ops server keeps no threads
        alarms = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ops-http-deadlines");
            t.setDaemon(true);
            return t;
        });
        alarms.setRemoveOnCancelPolicy(true);
    }

    /** Rejected (the JDK server then closes the connection) when every thread is busy and the queue is full. */
    @Override
    public void execute(Runnable exchange) {
        pool.execute(new Exchange(exchange));
    }

    /**
     * Called by a handler on its own thread once the request is read: from here until
     * {@link #answering()} nothing interrupts it. False if the deadline had already passed.
     */
    static boolean working() {
        Exchange e = CURRENT.get();
        return e == null || e.work();
    }

    /** Called by a handler when its answer is ready: the client has the deadline again to take it. */
    static void answering() {
        Exchange e = CURRENT.get();
        if (e != null) e.answer();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        alarms.shutdownNow();
    }

    private enum State { NETWORK, WORKING, EXPIRED, DONE }

    private final class Exchange implements Runnable {
        private final Runnable task;
        private Thread thread;
        private State state;
        private int phase; // which alarm is the current one
        private ScheduledFuture<?> alarm;

        Exchange(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            synchronized (this) {
                thread = Thread.currentThread();
                startNetworkPhase();
            }
            CURRENT.set(this);
            try {
                task.run();
            } finally {
                CURRENT.remove();
                synchronized (this) {
                    state = State.DONE;
                    alarm.cancel(false);
                }
                Thread.interrupted(); // an alarm that went off at the very end must not reach the next exchange
            }
        }

        synchronized boolean work() {
            if (state != State.NETWORK) return false;
            state = State.WORKING;
            alarm.cancel(false);
            return true;
        }

        synchronized void answer() {
            if (state == State.WORKING) startNetworkPhase();
        }

        private void startNetworkPhase() {
            state = State.NETWORK;
            int mine = ++phase;
            alarm = alarms.schedule(() -> expire(mine), deadline.toMillis(), TimeUnit.MILLISECONDS);
        }

        private synchronized void expire(int which) {
            if (state != State.NETWORK || which != phase) return;
            state = State.EXPIRED;
            thread.interrupt(); // a thread blocked on the client's channel: the channel closes, the exchange ends
        }
    }
}
