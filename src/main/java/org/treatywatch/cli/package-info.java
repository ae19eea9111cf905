/** The command line (picocli): run, poll, inspect, feeds. Each command is a thin shell over the pipeline. */
package org.treatywatch.cli;
