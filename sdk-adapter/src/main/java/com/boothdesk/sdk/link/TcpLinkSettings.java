package com.boothdesk.sdk.link;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the {@link TcpCloudLink}.
 *
 * @param host              the cloud host ({@code cloud_addr})
 * @param port              its port ({@code cport}, 6789 in production)
 * @param heartbeatInterval how often {@code 0x11} is sent; the link is declared dead after three intervals
 *                          without any byte from the server
 * @param replyTimeout      how long {@link CloudLink#send} waits for the answer (also the login answer)
 * @param connectTimeout    how long one TCP connect may take
 * @param reconnectMin      first reconnect delay; doubles per failed attempt (with jitter)
 * @param reconnectMax      ceiling of the reconnect delay while the cloud does not accept connections (measured from
 *                          the start of the previous attempt, so a connect that timed out is not waited for twice)
 * @param refusedBackoffMax ceiling of the delay after the cloud <em>answered</em> and refused (login refused, no
 *                          login answer): then the cloud's application is reached each time, so the delay grows
 *                          from {@code reconnectMax} to this
 * @param wireSecrets       wire.log shows sign and token in clear (commissioning only; masked by default)
 * @param login             exactly which fields the login's signed {@code data} carries
 */
public record TcpLinkSettings(String host, int port, Duration heartbeatInterval, Duration replyTimeout,
                              Duration connectTimeout, Duration reconnectMin, Duration reconnectMax,
                              Duration refusedBackoffMax, boolean wireSecrets, LoginFields login) {

    /**
     * The fields of the login's {@code data} after {@code union_id}, {@code park_id}, {@code local_id} (always, in that
     * order). The SDK 2.1 capture in the notes adds {@code "version":"2.1.0.0"}; the HTTP login and the 4.x init carry
     * none. Extras come last, in the given order, and only when configured.
     *
     * @param version the SDK version string to send as {@code version}, or null to send no version field
     * @param extras  further string fields, in order (empty = none)
     */
    public record LoginFields(String version, Map<String, String> extras) {

        public LoginFields {
            if (version != null && version.isBlank()) {
                version = null;
            }
            extras = extras == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extras));
            for (String k : extras.keySet()) {
                if (LOGIN_IDENTITY.contains(k) || k.equals("version")) {
                    throw new IllegalArgumentException("login extra field " + k + " is set elsewhere");
                }
            }
        }

        /** union_id, park_id, local_id only (the HTTP login example, SDK 4.x init fields). */
        public static LoginFields plain() {
            return new LoginFields(null, Map.of());
        }

        /** As the SDK of that version sends it, e.g. {@code "2.1.0.0"}: the three fields and {@code version}. */
        public static LoginFields sdkVersion(String version) {
            return new LoginFields(Objects.requireNonNull(version, "version"), Map.of());
        }
    }

    /** The login fields every SDK sends, always first and in this order. */
    public static final java.util.List<String> LOGIN_IDENTITY = java.util.List.of("union_id", "park_id", "local_id");

    public TcpLinkSettings {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        requirePositive(heartbeatInterval, "heartbeatInterval");
        requirePositive(replyTimeout, "replyTimeout");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(reconnectMin, "reconnectMin");
        requirePositive(reconnectMax, "reconnectMax");
        requirePositive(refusedBackoffMax, "refusedBackoffMax");
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("reconnectMax must be >= reconnectMin");
        }
        if (refusedBackoffMax.compareTo(reconnectMax) < 0) {
            throw new IllegalArgumentException("refusedBackoffMax must be >= reconnectMax");
        }
        Objects.requireNonNull(login, "login");
    }

    /**
     * Production defaults: heartbeat 10 s, reply timeout 10 s, connect timeout 1.5 s, reconnect 250 ms doubling to
     * 1.5 s while the cloud does not accept connections, up to 60 s while it answers and refuses; secrets masked in
     * wire.log; login with union_id / park_id / local_id only.
     */
    public static TcpLinkSettings defaults(String host, int port) {
        return new TcpLinkSettings(host, port, Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofMillis(1500), Duration.ofMillis(250), Duration.ofMillis(1500), Duration.ofSeconds(60),
                false, LoginFields.plain());
    }

    /** Silence after which the connection is considered dead. */
    public Duration deadAfter() {
        return heartbeatInterval.multipliedBy(3);
    }

    public TcpLinkSettings withHeartbeatInterval(Duration d) {
        return new TcpLinkSettings(host, port, d, replyTimeout, connectTimeout, reconnectMin, reconnectMax,
                refusedBackoffMax, wireSecrets, login);
    }

    public TcpLinkSettings withReplyTimeout(Duration d) {
        return new TcpLinkSettings(host, port, heartbeatInterval, d, connectTimeout, reconnectMin, reconnectMax,
                refusedBackoffMax, wireSecrets, login);
    }

    public TcpLinkSettings withConnectTimeout(Duration d) {
        return new TcpLinkSettings(host, port, heartbeatInterval, replyTimeout, d, reconnectMin, reconnectMax,
                refusedBackoffMax, wireSecrets, login);
    }

    /** Reconnect delays; the refused backoff ceiling is raised to {@code max} when it was lower. */
    public TcpLinkSettings withReconnect(Duration min, Duration max) {
        Duration refused = refusedBackoffMax.compareTo(max) < 0 ? max : refusedBackoffMax;
        return new TcpLinkSettings(host, port, heartbeatInterval, replyTimeout, connectTimeout, min, max, refused,
                wireSecrets, login);
    }

    public TcpLinkSettings withRefusedBackoffMax(Duration d) {
        return new TcpLinkSettings(host, port, heartbeatInterval, replyTimeout, connectTimeout, reconnectMin,
                reconnectMax, d, wireSecrets, login);
    }

    /** wire.log shows sign and token in clear (commissioning). */
    public TcpLinkSettings withWireSecrets(boolean show) {
        return new TcpLinkSettings(host, port, heartbeatInterval, replyTimeout, connectTimeout, reconnectMin,
                reconnectMax, refusedBackoffMax, show, login);
    }

    public TcpLinkSettings withLogin(LoginFields fields) {
        return new TcpLinkSettings(host, port, heartbeatInterval, replyTimeout, connectTimeout, reconnectMin,
                reconnectMax, refusedBackoffMax, wireSecrets, fields);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
