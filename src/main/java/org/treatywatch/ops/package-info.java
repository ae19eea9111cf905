/**
 * Operations: Prometheus metrics (the service instance's own registry, which the pipeline and sender
 * write to), the health endpoint and the stories' Atom feeds, on TREATYWATCH_METRICS_PORT, listening on
 * TREATYWATCH_METRICS_BIND (loopback by default); stalled clients are cut off at a deadline.
 */
package org.treatywatch.ops;
