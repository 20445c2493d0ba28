package com.boothdesk.app.report;

import java.time.Instant;
import java.util.List;

/**
 * A cash receipt at the exit (money in fen).
 *
 * @param lines  the itemised fee (label, amount; a reduction negative)
 * @param reprint whether this is a reprint from the order (the receipt says so)
 */
public record Receipt(String parkName, String boothId, String orderId, String plate, Instant inTime, Instant outTime,
                      List<Line> lines, long dueFen, long paidFen, long tenderedFen, String attendant,
                      boolean reprint) {

    public record Line(String label, long fen) {
    }

    public Receipt {
        lines = List.copyOf(lines);
    }

    public long changeFen() {
        return Math.max(0, tenderedFen - paidFen);
    }
}
