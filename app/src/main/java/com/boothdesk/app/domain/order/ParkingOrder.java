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
 * @param dueFen        fee computed at exit (receivable)
 * @param paidFen       money taken
 * @param exitOperator  attendant who settled the exit (protocol out_uid)
 */
public record ParkingOrder(String orderId, String plate, String carType, String entryLaneId, Instant inTime,
                           String entryOperator, String entryImage, OrderStatus status, String exitLaneId,
                           Instant outTime, long dueFen, long paidFen, PaymentMethod paymentMethod,
                           String exitOperator, String exitImage, String remark) {

    public ParkingOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(inTime, "inTime");
        Objects.requireNonNull(status, "status");
        if (dueFen < 0 || paidFen < 0) {
            throw new IllegalArgumentException("money must not be negative: due=" + dueFen + " paid=" + paidFen);
        }
    }

    public static ParkingOrder entered(String orderId, String plate, String carType, String laneId, Instant inTime,
                                       String operator, String entryImage) {
        return new ParkingOrder(orderId, plate, carType, laneId, inTime, operator, entryImage, OrderStatus.IN_LOT,
                null, null, 0, 0, null, null, null, null);
    }

    /** The closed copy of this order. */
    public ParkingOrder closed(String exitLaneId, Instant outTime, long dueFen, long paidFen, PaymentMethod method,
                               String operator, String exitImage, String remark) {
        if (status != OrderStatus.IN_LOT) {
            throw new IllegalStateException("order " + orderId + " is " + status + ", not in the lot");
        }
        return new ParkingOrder(orderId, plate, carType, entryLaneId, inTime, entryOperator, entryImage,
                OrderStatus.CLOSED, exitLaneId, outTime, dueFen, paidFen, method, operator, exitImage, remark);
    }

    public Duration stay(Instant until) {
        return Duration.between(inTime, until);
    }
}
