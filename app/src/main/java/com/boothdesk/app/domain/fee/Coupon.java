package com.boothdesk.app.domain.fee;

import java.time.Instant;
import java.util.Objects;

/**
 * A discount handed to a driver (merchant coupon, the cloud's {@code deliver_ticket}).
 *
 * @param id         the coupon number, shown in the explanation
 * @param kind       what it takes off
 * @param value      minutes for {@link Kind#TIME}, fen for {@link Kind#AMOUNT}, percent off (0-100, 20 = 8折)
 *                   for {@link Kind#PERCENT}, ignored for {@link Kind#FULL}
 * @param validUntil the coupon does not apply to an exit after this instant; null = no limit
 */
public record Coupon(String id, Kind kind, long value, Instant validUntil) {

    /** What a coupon takes off. They are applied in this order, whatever the order they were given in. */
    public enum Kind {
        /** The whole fee (全免券). */
        FULL,
        /** Minutes taken off the end of the stay, then the tariff prices the shorter stay (减免时长). */
        TIME,
        /** A percentage of what is left (折扣券); the amount to pay is rounded to the nearest fen. */
        PERCENT,
        /** Fen off what is left (减免金额); an excess is not refunded. */
        AMOUNT
    }

    public Coupon {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }

    public static Coupon full(String id) {
        return new Coupon(id, Kind.FULL, 0, null);
    }

    public static Coupon minutes(String id, long minutes) {
        return new Coupon(id, Kind.TIME, minutes, null);
    }

    public static Coupon percentOff(String id, long percent) {
        return new Coupon(id, Kind.PERCENT, percent, null);
    }

    public static Coupon amount(String id, long fen) {
        return new Coupon(id, Kind.AMOUNT, fen, null);
    }

    public Coupon validUntil(Instant until) {
        return new Coupon(id, kind, value, until);
    }
}
