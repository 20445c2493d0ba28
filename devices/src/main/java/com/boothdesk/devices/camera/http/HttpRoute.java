package com.boothdesk.devices.camera.http;

/**
 * What a protocol (a camera brand's push endpoint) mounts on an {@link HttpFrontDoor} under a path prefix. The head
 * is judged before the body is read: {@link #beforeBody} can answer at once, and {@link #maxBodyBytes} bounds the
 * body by what the head says it is (a heartbeat form is small, a plate push with two JPEGs is not).
 */
public interface HttpRoute {

    /** An answer to send without reading the body (wrong method, unknown media type), or null to go on. */
    default HttpResponse beforeBody(HttpRequestHead head) {
        return null;
    }

    /** The largest body accepted for this head; a larger declared length is answered 413 and never read. */
    int maxBodyBytes(HttpRequestHead head);

    /**
     * Answers a complete request. Runs on the connection's worker while the peer waits; exceptions become a 500.
     */
    HttpResponse handle(HttpRequest request);
}
