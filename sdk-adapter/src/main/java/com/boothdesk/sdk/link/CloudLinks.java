package com.boothdesk.sdk.link;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/** Builds the configured {@link CloudLink}: the TCP link, or the bridge to the vendor's SDK jar. */
public final class CloudLinks {

    /** Which link a site uses. */
    public enum Mode {
        /** BoothDesk's own TCP link (default). */
        TCP,
        /** The vendor's SDK jar. */
        VENDOR_SDK
    }

    /**
     * Link configuration as parsed by the application.
     *
     * @param mode      TCP or VENDOR_SDK
     * @param host      cloud host ({@code cloud_addr})
     * @param port      cloud port ({@code cport})
     * @param vendorJar path of the vendor's jar (VENDOR_SDK only)
     * @param uplinkPublicKey SDK 4.2+ encrypted uplinks (VENDOR_SDK only): the park's RSA public key, Base64; null
     *                  = off
     */
    public record Config(Mode mode, String host, int port, Path vendorJar, String uplinkPublicKey) {

        /** Without SDK 4.2+ uplink encryption. */
        public Config(Mode mode, String host, int port, Path vendorJar) {
            this(mode, host, port, vendorJar, null);
        }

        public Config {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(host, "host");
            if (mode == Mode.VENDOR_SDK && vendorJar == null) {
                throw new IllegalArgumentException("mode VENDOR_SDK needs the path of the vendor's jar");
            }
        }
    }

    private CloudLinks() {
    }

    /** The link the configuration chooses (not started). */
    public static CloudLink create(Config config, CloudCredentials creds, Clock clock) {
        return switch (config.mode()) {
            case TCP -> new TcpCloudLink(TcpLinkSettings.defaults(config.host(), config.port()), creds, clock);
            case VENDOR_SDK -> new VendorSdkCloudLink(VendorSdkSettings.defaults(config.vendorJar(), config.host(),
                    config.port()).withUplinkPublicKey(config.uplinkPublicKey()), creds, clock);
        };
    }
}
