/**
 * Quartz, kept thin: one poll job per active feed, in memory on H2 (the schedule is rebuilt from the
 * feeds table at start, so a 304 writes nothing) and in Quartz's tables, clustered, on PostgreSQL;
 * the job just calls the pipeline.
 */
package org.treatywatch.schedule;
