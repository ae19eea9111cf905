/**
 * The running service's wiring: the pipeline, scheduler, sender, bot and ops server started in one
 * place; what admins do (feeds added, imported, reloaded); leader election, retention, the file watcher.
 */
package org.treatywatch.service;
