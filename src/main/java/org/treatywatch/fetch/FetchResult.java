package org.treatywatch.fetch;

/**
 * A fetched body, or a 304. finalUrl is where the body came from after redirects;
 * movedPermanently says the original URL should be replaced by it.
 */
public record FetchResult(int status, byte[] body, String contentType, String etag, String lastModified,
                          String finalUrl, boolean movedPermanently) {
    public boolean notModified() {
        return status == 304;
    }
}
