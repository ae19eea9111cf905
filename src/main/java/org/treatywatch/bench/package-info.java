/**
 * Benchmark machinery for the {@code bench} commands: feeds served on 127.0.0.1, a Bot API that
 * enforces Telegram's limits, and the poll, search, latency and lead-time benchmarks run through the
 * real pipeline (the lead time replays the treaty story in four languages on a compressed clock).
 */
package org.treatywatch.bench;
