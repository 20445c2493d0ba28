package com.boothdesk.sdk.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The cloud's message signature: {@code UPPER(MD5(dataJson + "key=" + secret))}, computed over the exact UTF-8
 * text of the envelope's {@code data} object as it travels on the wire.
 */
public final class Sign {

    private Sign() {
    }

    /**
     * Signs the JSON text of a {@code data} object.
     *
     * @param dataJson the exact text of the {@code data} object (the bytes that are sent)
     * @param secret   the park's key ({@code ukey} / {@code ckey})
     * @return 32 upper-case hex digits
     */
    public static String sign(String dataJson, String secret) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] digest = md5.digest((dataJson + "key=" + secret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is mandatory in every JRE", e);
        }
    }

    /** Constant-time-ish comparison that also accepts a lower-case signature (tolerant reading). */
    public static boolean verify(String dataJson, String secret, String sign) {
        if (sign == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(dataJson, secret).getBytes(StandardCharsets.US_ASCII),
                sign.toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
