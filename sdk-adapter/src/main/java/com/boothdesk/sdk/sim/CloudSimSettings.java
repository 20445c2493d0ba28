package com.boothdesk.sdk.sim;

import java.time.Clock;
import java.util.Objects;

/**
 * Settings of the {@link CloudSimulator}.
 *
 * @param port              TCP port on 127.0.0.1; 0 = ephemeral
 * @param unionId           the union_id it accepts at login
 * @param parkId            the park_id it accepts at login
 * @param secret            the key used to check every sign
 * @param requestsPer10s    the real server's limit (100 per 10 s per token); 0 = unlimited
 * @param clock             timestamps of received uplinks
 */
public record CloudSimSettings(int port, String unionId, String parkId, String secret, int requestsPer10s,
                               Clock clock) {

    public CloudSimSettings {
        Objects.requireNonNull(unionId, "unionId");
        Objects.requireNonNull(parkId, "parkId");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535 || requestsPer10s < 0) {
            throw new IllegalArgumentException("invalid simulator settings");
        }
    }

    /** Ephemeral port, the real rate limit, the system clock. */
    public static CloudSimSettings of(String unionId, String parkId, String secret) {
        return new CloudSimSettings(0, unionId, parkId, secret, 100, Clock.systemUTC());
    }

    public CloudSimSettings withPort(int p) {
        return new CloudSimSettings(p, unionId, parkId, secret, requestsPer10s, clock);
    }

    public CloudSimSettings withRequestsPer10s(int limit) {
        return new CloudSimSettings(port, unionId, parkId, secret, limit, clock);
    }

    public CloudSimSettings withClock(Clock c) {
        return new CloudSimSettings(port, unionId, parkId, secret, requestsPer10s, c);
    }
}
