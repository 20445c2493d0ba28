package com.boothdesk.sdk.message.uplink;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * 7.5 出口支付码地址: the exit pay-code URL a driver scans to pay the order waiting at a lane (shown on the booth's
 * panel, the LED card's QR screen and the smart screen's {@code out} page). Not a message: the park builds it itself.
 *
 * <p>{@code params} are nine values in this order, comma-joined inside brackets: order id, price (yuan, at most two
 * decimals, not 0), plate, discount (yuan, 0 allowed), entry time (unix s), union id, park id, lane id, now (unix s;
 * the code is valid for one minute). {@code sign} is the lower-case MD5 of {@code "[" + params + "]" + ukey}, over
 * the plain UTF-8 text; in the URL the bracketed list is URL-encoded (UTF-8) inside the brackets.
 */
public record ExitPayCodeUrl(String orderId, long priceFen, String plate, long discountFen, long inTimeSec,
                             String unionId, String parkId, String channelId, long nowSec) {

    /** The documented address. */
    public static final String BASE = "https://s.bolink.club/unionapi/thirdtopayorder";
    /** How long the platform accepts a code after {@code nowSec}. */
    public static final java.time.Duration VALID_FOR = java.time.Duration.ofMinutes(1);

    public ExitPayCodeUrl {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(unionId, "unionId");
        Objects.requireNonNull(parkId, "parkId");
        Objects.requireNonNull(channelId, "channelId");
        if (priceFen <= 0) {
            throw new IllegalArgumentException("7.5: the price must be more than 0, got " + priceFen + " fen");
        }
        if (discountFen < 0) {
            throw new IllegalArgumentException("7.5: the discount cannot be negative: " + discountFen);
        }
        for (String v : List.of(orderId, plate, unionId, parkId, channelId)) {
            if (v.isEmpty() || v.contains(",") || v.contains("[") || v.contains("]")) {
                throw new IllegalArgumentException("7.5: '" + v + "' cannot be one of the comma-joined params");
            }
        }
    }

    /** The code for an order priced at {@code now}. */
    public static ExitPayCodeUrl of(String orderId, long priceFen, String plate, long discountFen, Instant inTime,
                                    String unionId, String parkId, String channelId, Instant now) {
        return new ExitPayCodeUrl(orderId, priceFen, plate, discountFen, inTime.getEpochSecond(), unionId, parkId,
                channelId, now.getEpochSecond());
    }

    /** The bracketed parameter list as signed (plain text). */
    public String params() {
        return "[" + String.join(",", orderId, yuan(priceFen), plate, yuan(discountFen), Long.toString(inTimeSec),
                unionId, parkId, channelId, Long.toString(nowSec)) + "]";
    }

    /** Lower-case MD5 of the params followed by the park's key. */
    public String sign(String ukey) {
        Objects.requireNonNull(ukey, "ukey");
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest((params() + ukey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }

    /** The URL to put into the QR code. */
    public String url(String ukey) {
        String p = params();
        String inner = URLEncoder.encode(p.substring(1, p.length() - 1), StandardCharsets.UTF_8);
        return BASE + "?params=[" + inner + "]&sign=" + sign(ukey);
    }

    /** When this code stops being accepted. */
    public Instant expiresAt() {
        return Instant.ofEpochSecond(nowSec).plus(VALID_FOR);
    }

    /** Yuan as the page writes them: at most two decimals, no trailing zeros ("2.12", "0.1", "5"). */
    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).stripTrailingZeros().toPlainString();
    }
}
