package com.boothdesk.app.domain.fee;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything that prices one exit.
 *
 * @param vehicleClass      the class key in the tariff, e.g. "small"
 * @param in                entry time
 * @param out               exit time
 * @param prepaidFen        money already paid for this stay (in the lot, at a kiosk, by QR); 0 = none
 * @param paidAt            when that money was paid; null = not prepaid
 * @param paidGraceMinutes  after paying, the driver may leave this many minutes later without paying more
 * @param coupons           coupons for this stay, applied in {@link Coupon.Kind} order
 * @param balanceFen        stored-value card balance that may pay what is left; 0 = no card
 */
public record FeeRequest(String vehicleClass, Instant in, Instant out, long prepaidFen, Instant paidAt,
                         int paidGraceMinutes, List<Coupon> coupons, long balanceFen) {

    public FeeRequest {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        coupons = coupons == null ? List.of() : List.copyOf(coupons);
    }

    /** A plain stay: no prepaid money, no coupon, no balance. */
    public static FeeRequest of(String vehicleClass, Instant in, Instant out) {
        return new FeeRequest(vehicleClass, in, out, 0, null, 0, List.of(), 0);
    }

    public FeeRequest withPrepaid(long fen, Instant at, int graceMinutes) {
        return new FeeRequest(vehicleClass, in, out, fen, at, graceMinutes, coupons, balanceFen);
    }

    public FeeRequest withCoupons(List<Coupon> list) {
        return new FeeRequest(vehicleClass, in, out, prepaidFen, paidAt, paidGraceMinutes, list, balanceFen);
    }

    public FeeRequest withBalance(long fen) {
        return new FeeRequest(vehicleClass, in, out, prepaidFen, paidAt, paidGraceMinutes, coupons, fen);
    }

    public FeeRequest withOut(Instant newOut) {
        return new FeeRequest(vehicleClass, in, newOut, prepaidFen, paidAt, paidGraceMinutes, coupons, balanceFen);
    }
}
