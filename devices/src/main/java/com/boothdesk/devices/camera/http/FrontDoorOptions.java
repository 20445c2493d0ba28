package com.boothdesk.devices.camera.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of an {@link HttpFrontDoor}. Every phase of a connection has a deadline, so no peer can hold a worker for
 * longer than the phase allows; the connection counts are bounded per peer and in total, and a new connection that
 * finds its bound reached takes the place of the oldest connection that is still waiting for bytes (a slow or stalled
 * one), never of one whose request is being handled.
 *
 * @param headerTimeout the request line and all headers must arrive within this time of the request's start
 * @param bodyTimeout the whole body must arrive within this time of the end of the headers
 * @param idleTimeout a kept-alive connection with no new request for this long is closed
 * @param writeTimeout a reply not taken by the peer within this time is abandoned and the connection closed
 * @param maxHeaderBytes request line plus headers; more is answered 431
 * @param maxConnections open connections in total (across all peers)
 * @param maxConnectionsPerPeer open connections from one address
 * @param maxRequestsPerConnection requests served on one kept-alive connection before it is closed
 * @param maxBufferedBodyBytes request bodies held in memory at once, across all connections
 */
public record FrontDoorOptions(Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout,
                               Duration writeTimeout, int maxHeaderBytes, int maxConnections,
                               int maxConnectionsPerPeer, int maxRequestsPerConnection, long maxBufferedBodyBytes) {

    public static final FrontDoorOptions DEFAULTS = new FrontDoorOptions(Duration.ofSeconds(2), Duration.ofSeconds(10),
            Duration.ofSeconds(5), Duration.ofSeconds(5), 16 * 1024, 64, 8, 1000, 64L * 1024 * 1024);

    public FrontDoorOptions {
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        for (Duration d : new Duration[] {headerTimeout, bodyTimeout, idleTimeout, writeTimeout}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("front door timeouts must be positive: " + d);
            }
        }
        if (maxHeaderBytes < 1024 || maxConnections < 1 || maxConnectionsPerPeer < 1
                || maxConnectionsPerPeer > maxConnections || maxRequestsPerConnection < 1
                || maxBufferedBodyBytes < 1024) {
            throw new IllegalArgumentException("front door limits: maxHeaderBytes >= 1024, maxConnections >= 1, "
                    + "1 <= maxConnectionsPerPeer <= maxConnections, maxRequestsPerConnection >= 1, "
                    + "maxBufferedBodyBytes >= 1024");
        }
    }

    public FrontDoorOptions withHeaderTimeout(Duration d) {
        return new FrontDoorOptions(d, bodyTimeout, idleTimeout, writeTimeout, maxHeaderBytes, maxConnections,
                maxConnectionsPerPeer, maxRequestsPerConnection, maxBufferedBodyBytes);
    }

    public FrontDoorOptions withBodyTimeout(Duration d) {
        return new FrontDoorOptions(headerTimeout, d, idleTimeout, writeTimeout, maxHeaderBytes, maxConnections,
                maxConnectionsPerPeer, maxRequestsPerConnection, maxBufferedBodyBytes);
    }

    public FrontDoorOptions withIdleTimeout(Duration d) {
        return new FrontDoorOptions(headerTimeout, bodyTimeout, d, writeTimeout, maxHeaderBytes, maxConnections,
                maxConnectionsPerPeer, maxRequestsPerConnection, maxBufferedBodyBytes);
    }

    public FrontDoorOptions withConnections(int total, int perPeer) {
        return new FrontDoorOptions(headerTimeout, bodyTimeout, idleTimeout, writeTimeout, maxHeaderBytes, total,
                perPeer, maxRequestsPerConnection, maxBufferedBodyBytes);
    }

    public FrontDoorOptions withMaxBufferedBodyBytes(long n) {
        return new FrontDoorOptions(headerTimeout, bodyTimeout, idleTimeout, writeTimeout, maxHeaderBytes,
                maxConnections, maxConnectionsPerPeer, maxRequestsPerConnection, n);
    }
}
