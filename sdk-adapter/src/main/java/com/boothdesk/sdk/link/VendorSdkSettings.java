package com.boothdesk.sdk.link;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link VendorSdkCloudLink}.
 *
 * @param jar            the vendor's SDK jar (its native libraries must be on java.library.path)
 * @param cloudHost      {@code cloud_addr} given to {@code init}
 * @param cloudPort      {@code cport}
 * @param fast           {@code set_params.fast}: the SDK answers every uplink except 2.1/2.2 synchronously
 * @param replyTimeout   how long an asynchronous answer is awaited
 * @param retryInit      delay before {@code init} is tried again after a failure
 * @param uplinkPublicKey SDK 4.2+ encrypted uplinks: the park's RSA public key (Base64 X.509, from the cloud's
 *                       getPublicKey); every uplink handed to the SDK is then the segmented RSA ciphertext in Base64
 *                       (INFERRED wrapping: the string itself is the method's argument); null = plain JSON
 */
public record VendorSdkSettings(Path jar, String cloudHost, int cloudPort, boolean fast, Duration replyTimeout,
                                Duration retryInit, String uplinkPublicKey) {

    public VendorSdkSettings(Path jar, String cloudHost, int cloudPort, boolean fast, Duration replyTimeout,
                             Duration retryInit) {
        this(jar, cloudHost, cloudPort, fast, replyTimeout, retryInit, null);
    }

    /** The same settings with SDK 4.2+ uplink encryption under this public key (null = off). */
    public VendorSdkSettings withUplinkPublicKey(String base64) {
        return new VendorSdkSettings(jar, cloudHost, cloudPort, fast, replyTimeout, retryInit, base64);
    }

    /** The SDK's class names (the same in every published version). */
    public static final String API_CLASS = "sdk.UploadUtil";
    public static final String CALLBACK_CLASS = "sdk.InterfacePark";

    public VendorSdkSettings {
        Objects.requireNonNull(jar, "jar");
        Objects.requireNonNull(cloudHost, "cloudHost");
        Objects.requireNonNull(replyTimeout, "replyTimeout");
        Objects.requireNonNull(retryInit, "retryInit");
    }

    /** Production defaults: asynchronous answers within 10 s, init retried every 10 s. */
    public static VendorSdkSettings defaults(Path jar, String cloudHost, int cloudPort) {
        return new VendorSdkSettings(jar, cloudHost, cloudPort, false, Duration.ofSeconds(10), Duration.ofSeconds(10));
    }
}
