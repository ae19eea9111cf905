/**
 * Quartz, kept thin: one persistent poll job per active feed (JDBC job store in our database, so
 * schedules and misfires survive restarts); the job just calls the pipeline.
 */
package org.treatywatch.schedule;
