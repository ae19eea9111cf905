/**
 * Operations: Prometheus metrics (Micrometer's global registry, which the pipeline and sender
 * write to) and the health endpoint, on TREATYWATCH_METRICS_PORT.
 */
package org.treatywatch.ops;
