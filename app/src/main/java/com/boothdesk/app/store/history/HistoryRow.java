package com.boothdesk.app.store.history;

import java.time.Instant;

import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.PaymentMethod;

/**
 * One stay in the history's result list. Money in fen.
 *
 * @param readPlate the plate as read at the exit when it differed from {@code plate} (fuzzy match, correction)
 * @param match     how the typed plate matched: 100 exact, lower for a fuzzy match (0 when no plate was typed)
 * @param matchWhy  the matcher's reason ("完全一致", "1位易混字符" …), empty when no plate was typed
 */
public record HistoryRow(String orderId, String plate, String readPlate, CarKind kind, String entryLane,
                         Instant inTime, String entryOperator, String entryImage, OrderStatus status, String exitLane,
                         Instant outTime, String exitOperator, String exitImage, long dueFen, long paidFen,
                         long prepaidFen, long discountFen, PaymentMethod payment, String freeReason, String remark,
                         int match, String matchWhy) {

    /** What became of the stay. */
    public HistoryQuery.Outcome outcome() {
        if (status == OrderStatus.IN_LOT) {
            return HistoryQuery.Outcome.IN_LOT;
        }
        if (status == OrderStatus.SUPERSEDED) {
            return HistoryQuery.Outcome.SUPERSEDED;
        }
        return payment == PaymentMethod.FREE ? HistoryQuery.Outcome.FREE : HistoryQuery.Outcome.PAID;
    }

    HistoryRow matched(int score, String why) {
        return new HistoryRow(orderId, plate, readPlate, kind, entryLane, inTime, entryOperator, entryImage, status,
                exitLane, outTime, exitOperator, exitImage, dueFen, paidFen, prepaidFen, discountFen, payment,
                freeReason, remark, score, why);
    }
}
