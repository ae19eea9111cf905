package org.treatywatch.pipeline;

import java.util.List;

/** What one poll of one feed did. alerts holds the analyses of relevant new items. */
public record PollReport(String feedId, int items, int newItems, int relevant, int queued, boolean notModified,
                         List<Analysis> alerts, String error) {
    public boolean ok() {
        return error == null;
    }

    static PollReport failed(String feedId, String error) {
        return new PollReport(feedId, 0, 0, 0, 0, false, List.of(), error);
    }
}
