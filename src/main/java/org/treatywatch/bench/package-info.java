/**
 * Benchmark machinery for the {@code bench} commands: feeds served on 127.0.0.1, a Bot API that
 * enforces Telegram's limits, and the poll, search, latency, lead-time and scale benchmarks run through
 * the real pipeline and service (the lead time replays the treaty story in four languages on a compressed
 * clock; the scale curve runs a fresh JVM per step).
 */
package org.treatywatch.bench;
