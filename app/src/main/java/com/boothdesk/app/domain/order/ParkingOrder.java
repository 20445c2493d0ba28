package com.boothdesk.app.domain.order;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One stay in the lot, from entry to exit. Money in fen.
 *
 * @param orderId       unique per stay, {@code [0-9A-Za-z_]}, the protocol's order_id
 * @param carType       vehicle class used for the fee (e.g. small)
 * @param entryOperator attendant id at entry (protocol uid)
 * @param dueFen        fee computed at exit, after caps, before prepaid money and coupons (receivable)
 * @param paidFen       money taken at the exit
 * @param exitOperator  attendant who settled the exit (protocol out_uid)
 * @param kind          the kind of car (temporary, monthly, ...), decided at entry and confirmed at exit
 * @param cardId        the monthly / stored-value card, when the stay belongs to one
 * @param prepaidFen    paid before the exit (3.2 prepay), with {@code prepaidAt}
 * @param discountFen   taken off by coupons
 * @param freeReason    why an exit was let go without (full) payment; required for attendant free releases
 * @param exitPlateRead the plate as read at the exit when it differs from {@code plate} (fuzzy match, correction)
 */
public record ParkingOrder(String orderId, String plate, String carType, String entryLaneId, Instant inTime,
                           String entryOperator, String entryImage, OrderStatus status, String exitLaneId,
                           Instant outTime, long dueFen, long paidFen, PaymentMethod paymentMethod,
                           String exitOperator, String exitImage, String remark, CarKind kind, String cardId,
                           long prepaidFen, Instant prepaidAt, long discountFen, String freeReason,
                           String exitPlateRead) {

    public ParkingOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(inTime, "inTime");
        Objects.requireNonNull(status, "status");
        kind = kind == null ? CarKind.TEMPORARY : kind;
        if (dueFen < 0 || paidFen < 0 || prepaidFen < 0 || discountFen < 0) {
            throw new IllegalArgumentException("money must not be negative: due=" + dueFen + " paid=" + paidFen
                    + " prepaid=" + prepaidFen + " discount=" + discountFen);
        }
    }

    public static ParkingOrder entered(String orderId, String plate, String carType, String laneId, Instant inTime,
                                       String operator, String entryImage) {
        return entered(orderId, plate, carType, laneId, inTime, operator, entryImage, CarKind.TEMPORARY, null, null);
    }

    public static ParkingOrder entered(String orderId, String plate, String carType, String laneId, Instant inTime,
                                       String operator, String entryImage, CarKind kind, String cardId,
                                       String remark) {
        return new ParkingOrder(orderId, plate, carType, laneId, inTime, operator, entryImage, OrderStatus.IN_LOT,
                null, null, 0, 0, null, null, null, remark, kind, cardId, 0, null, 0, null, null);
    }

    /** How an exit was settled. */
    public record Settlement(String exitLaneId, Instant outTime, long dueFen, long paidFen, PaymentMethod method,
                             String operator, String exitImage, long discountFen, String freeReason,
                             String exitPlateRead, CarKind kind) {
    }

    /** The closed copy of this order. */
    public ParkingOrder closed(Settlement s) {
        if (status != OrderStatus.IN_LOT) {
            throw new IllegalStateException("order " + orderId + " is " + status + ", not in the lot");
        }
        return new ParkingOrder(orderId, plate, carType, entryLaneId, inTime, entryOperator, entryImage,
                OrderStatus.CLOSED, s.exitLaneId(), s.outTime(), s.dueFen(), s.paidFen(), s.method(), s.operator(),
                s.exitImage(), remark, s.kind() == null ? kind : s.kind(), cardId, prepaidFen, prepaidAt,
                s.discountFen(), s.freeReason(), s.exitPlateRead());
    }

    /** Short form used by tests and simple callers. */
    public ParkingOrder closed(String exitLaneId, Instant outTime, long dueFen, long paidFen, PaymentMethod method,
                               String operator, String exitImage, String freeReason) {
        return closed(new Settlement(exitLaneId, outTime, dueFen, paidFen, method, operator, exitImage, 0,
                freeReason, null, null));
    }

    /** A copy with money paid before the exit. */
    public ParkingOrder withPrepaid(long fen, Instant at) {
        return new ParkingOrder(orderId, plate, carType, entryLaneId, inTime, entryOperator, entryImage, status,
                exitLaneId, outTime, dueFen, paidFen, paymentMethod, exitOperator, exitImage, remark, kind, cardId,
                fen, at, discountFen, freeReason, exitPlateRead);
    }

    /** A copy with another plate (correction of an in-lot record). */
    public ParkingOrder withPlate(String newPlate) {
        return new ParkingOrder(orderId, newPlate, carType, entryLaneId, inTime, entryOperator, entryImage, status,
                exitLaneId, outTime, dueFen, paidFen, paymentMethod, exitOperator, exitImage, remark, kind, cardId,
                prepaidFen, prepaidAt, discountFen, freeReason, exitPlateRead);
    }

    /** A copy priced as another fee class (the attendant switched the class at the exit). */
    public ParkingOrder withCarType(String newCarType) {
        return new ParkingOrder(orderId, plate, newCarType, entryLaneId, inTime, entryOperator, entryImage, status,
                exitLaneId, outTime, dueFen, paidFen, paymentMethod, exitOperator, exitImage, remark, kind, cardId,
                prepaidFen, prepaidAt, discountFen, freeReason, exitPlateRead);
    }

    public Duration stay(Instant until) {
        return Duration.between(inTime, until);
    }
}
