/**
 * Configuration read once at start: {@link org.treatywatch.config.AppConfig} from the environment
 * and command line, {@link org.treatywatch.config.FeedsFile} from feeds.yaml with every error reported.
 */
package org.treatywatch.config;
