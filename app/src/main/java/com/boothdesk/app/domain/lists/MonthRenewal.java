package com.boothdesk.app.domain.lists;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A month-card renewal (月卡续费, 2.13 / 3.16): the card becomes valid {@code validFrom}..{@code validTo}.
 *
 * @param tradeNo       交易流水号, unique
 * @param cardId        the card renewed
 * @param paidAt        when it was paid
 * @param receivableFen 应收
 * @param paidFen       实收
 * @param payType       缴费类型 (free text: 现金, 电子支付 ...)
 * @param collector     who took the money
 * @param buyMonths     months bought (0 = not said)
 * @param validFrom     new first valid day
 * @param validTo       new last valid day
 * @param remark        free text
 */
public record MonthRenewal(String tradeNo, String cardId, Instant paidAt, long receivableFen, long paidFen,
                           String payType, String collector, int buyMonths, LocalDate validFrom, LocalDate validTo,
                           String remark) {

    public MonthRenewal {
        Objects.requireNonNull(tradeNo, "tradeNo");
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(paidAt, "paidAt");
        Objects.requireNonNull(validTo, "validTo");
        payType = payType == null ? "" : payType;
        collector = collector == null ? "" : collector;
        remark = remark == null ? "" : remark;
    }
}
