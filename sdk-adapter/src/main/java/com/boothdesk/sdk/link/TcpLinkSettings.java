package com.boothdesk.sdk.link;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link TcpCloudLink}.
 *
 * @param host              the cloud host ({@code cloud_addr})
 * @param port              its port ({@code cport}, 6789 in production)
 * @param heartbeatInterval how often {@code 0x11} is sent; the link is declared dead after three intervals
 *                          without any byte from the server
 * @param replyTimeout      how long {@link CloudLink#send} waits for the answer (also the login and connect timeout)
 * @param reconnectMin      first reconnect delay; doubles per failed attempt (with jitter)
 * @param reconnectMax      ceiling of the reconnect delay
 */
public record TcpLinkSettings(String host, int port, Duration heartbeatInterval, Duration replyTimeout,
                              Duration reconnectMin, Duration reconnectMax) {

    public TcpLinkSettings {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        requirePositive(heartbeatInterval, "heartbeatInterval");
        requirePositive(replyTimeout, "replyTimeout");
        requirePositive(reconnectMin, "reconnectMin");
        requirePositive(reconnectMax, "reconnectMax");
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("reconnectMax must be >= reconnectMin");
        }
    }

    /** Production defaults: heartbeat 10 s, reply timeout 10 s, reconnect 1 s .. 60 s. */
    public static TcpLinkSettings defaults(String host, int port) {
        return new TcpLinkSettings(host, port, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(1),
                Duration.ofSeconds(60));
    }

    /** Silence after which the connection is considered dead. */
    public Duration deadAfter() {
        return heartbeatInterval.multipliedBy(3);
    }

    public TcpLinkSettings withHeartbeatInterval(Duration d) {
        return new TcpLinkSettings(host, port, d, replyTimeout, reconnectMin, reconnectMax);
    }

    public TcpLinkSettings withReplyTimeout(Duration d) {
        return new TcpLinkSettings(host, port, heartbeatInterval, d, reconnectMin, reconnectMax);
    }

    public TcpLinkSettings withReconnect(Duration min, Duration max) {
        return new TcpLinkSettings(host, port, heartbeatInterval, replyTimeout, min, max);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
