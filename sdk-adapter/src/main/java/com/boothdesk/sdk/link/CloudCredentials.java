package com.boothdesk.sdk.link;

import java.util.Objects;

/**
 * What the booth logs in with.
 *
 * @param unionId  厂商平台账号 {@code union_id}
 * @param parkId   车场编号 {@code park_id}
 * @param localId  收费系统编号 {@code local_id}; may carry the served channels as {@code <id>_channels_A1_A2}
 * @param secret   the signing key ({@code ukey}); never logged
 */
public record CloudCredentials(String unionId, String parkId, String localId, String secret) {

    public CloudCredentials {
        Objects.requireNonNull(unionId, "unionId");
        Objects.requireNonNull(parkId, "parkId");
        Objects.requireNonNull(localId, "localId");
        Objects.requireNonNull(secret, "secret");
    }

    /** Builds a {@code local_id} with the channel list the way the notes describe: {@code id_channels_A1_A2}. */
    public static String localIdWithChannels(String id, String... channels) {
        if (channels.length == 0) {
            return id;
        }
        return id + "_channels_" + String.join("_", channels);
    }

    @Override
    public String toString() {
        return "CloudCredentials[unionId=" + unionId + ", parkId=" + parkId + ", localId=" + localId
                + ", secret=***]";
    }
}
