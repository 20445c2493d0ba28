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

    /**
     * The coupon of a cloud {@code deliver_ticket} (3.12). Money and discount come as the protocol's strings.
     *
     * @param ticketType 0 amount ({@code money} in yuan), 1 time ({@code duration} × {@code ticketUnit}: 1 minute,
     *                   2 hour, 3 day), 2 full, 3 discount ({@code discount}: "8" or "8.5" = 8折 / 8.5折, i.e. pay
     *                   80 % / 85 %; 11..100 = percent to pay), 5 full until {@code timeRange} (unix seconds)
     * @param limitDay   expiry, unix seconds; 0 or 9999999999 and above = none
     * @throws IllegalArgumentException for type 4 (external coupon, not priced at the booth), unknown types and
     *                                  values that are not numbers; the message says which field
     */
    public static Coupon fromTicket(String ticketId, int ticketType, String money, long duration, int ticketUnit,
                                    String discount, long limitDay, long timeRange) {
        Instant expiry = limitDay <= 0 || limitDay >= 9_999_999_999L ? null : Instant.ofEpochSecond(limitDay);
        Coupon coupon = switch (ticketType) {
            case 0 -> amount(ticketId, Fen.parse(money));
            case 1 -> {
                long factor = switch (ticketUnit) {
                    case 1 -> 1;
                    case 2 -> 60;
                    case 3 -> 24 * 60;
                    default -> throw new IllegalArgumentException("ticket " + ticketId + ": ticket_unit " + ticketUnit
                            + " is not 1 (minute), 2 (hour) or 3 (day)");
                };
                yield minutes(ticketId, Math.multiplyExact(duration, factor));
            }
            case 2 -> full(ticketId);
            case 3 -> percentOff(ticketId, 100 - payPercent(ticketId, discount));
            case 5 -> {
                if (timeRange <= 0) {
                    throw new IllegalArgumentException("ticket " + ticketId + ": type 5 needs time_range (deadline)");
                }
                Instant deadline = Instant.ofEpochSecond(timeRange);
                expiry = expiry == null || deadline.isBefore(expiry) ? deadline : expiry;
                yield full(ticketId);
            }
            case 4 -> throw new IllegalArgumentException("ticket " + ticketId
                    + ": type 4 is an external coupon, settled by the cloud, not priced at the booth");
            default -> throw new IllegalArgumentException("ticket " + ticketId + ": unknown ticket_type " + ticketType);
        };
        return expiry == null ? coupon : coupon.validUntil(expiry);
    }

    private static long payPercent(String ticketId, String discount) {
        java.math.BigDecimal value;
        try {
            value = new java.math.BigDecimal(discount == null ? "" : discount.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ticket " + ticketId + ": discount '" + discount + "' is not a number",
                    e);
        }
        java.math.BigDecimal percent = value.compareTo(java.math.BigDecimal.TEN) <= 0
                ? value.movePointRight(1) : value;
        if (percent.signum() < 0 || percent.compareTo(java.math.BigDecimal.valueOf(100)) > 0
                || percent.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("ticket " + ticketId + ": discount '" + discount
                    + "' is not a whole percentage (8 = 8折, 8.5 = 8.5折, 85 = pay 85 %)");
        }
        return percent.longValueExact();
    }

    public Coupon validUntil(Instant until) {
        return new Coupon(id, kind, value, until);
    }
}
