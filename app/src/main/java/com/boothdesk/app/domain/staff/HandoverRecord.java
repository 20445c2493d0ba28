package com.boothdesk.app.domain.staff;

import java.time.Instant;

/**
 * The handover (换班) of a shift as stored and sent (2.22): the totals at the end, the expected cash against the
 * counted one, the difference (counted − expected; negative: short), a remark, who handed over to whom.
 *
 * @param counted  {@code null} when nobody counted (a supervisor closed a shift left open)
 * @param incoming the attendant who took over ({@code null}: the booth closed, or a supervisor closed the shift)
 * @param closedBy the outgoing attendant, or the supervisor who closed the shift
 */
public record HandoverRecord(Shift shift, Instant at, ShiftTotals totals, CashCount counted, String remark,
                             String incoming, String closedBy) {

    public long expectedCashFen() {
        return totals.expectedCashFen();
    }

    /** 差额: counted − expected, {@code null} when not counted. */
    public Long differenceFen() {
        return counted == null ? null : counted.totalFen() - totals.expectedCashFen();
    }
}
