package com.boothdesk.app.domain.lists;

import java.time.Instant;
import java.util.Objects;

/**
 * A change of a stored-value balance (2.26 top-up, 2.27 deduction, 3.21 cloud top-up or refund).
 *
 * @param tradeNo   交易流水号, unique
 * @param cardId    the card
 * @param kind      what happened
 * @param amountFen signed change of the balance (negative for a deduction or a refund)
 * @param actualFen money actually taken in or paid out (实收/实付)
 * @param payType   缴费类型, free text
 * @param plate     the plate, "" when not said
 * @param orderId   the stay paid with it (deductions), "" otherwise
 * @param at        when
 */
public record StoredValueTrade(String tradeNo, String cardId, Kind kind, long amountFen, long actualFen,
                               String payType, String plate, String orderId, Instant at) {

    /** What a trade did. */
    public enum Kind {
        TOP_UP, REFUND, DEDUCTION
    }

    public StoredValueTrade {
        Objects.requireNonNull(tradeNo, "tradeNo");
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        payType = payType == null ? "" : payType;
        plate = plate == null ? "" : plate;
        orderId = orderId == null ? "" : orderId;
    }
}
