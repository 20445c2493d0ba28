package com.boothdesk.app.domain.fee;

import java.util.Objects;

/**
 * One item of an itemised fee, readable to a driver.
 *
 * @param label     Chinese text without the amount, e.g. "08:00-09:00 首小时"
 * @param amountFen what this item adds to (positive) or takes off (negative) the fee; 0 for free time and notes
 * @param kind      what sort of item this is
 */
public record FeeLine(String label, long amountFen, Kind kind) {

    /** What a line stands for. */
    public enum Kind {
        /** Time charged by the tariff. */
        CHARGE,
        /** Time that costs nothing (free minutes, free periods). */
        FREE,
        /** A cap that took money off (period cap, daily cap, stay cap). */
        CAP,
        /** A coupon that took money or time off. */
        COUPON,
        /** Money already paid before the exit. */
        PREPAID,
        /** Money taken from a stored-value card. */
        BALANCE,
        /** Something the attendant should know that changes no money (what did not apply and why). */
        NOTE
    }

    public FeeLine {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
    }

    static FeeLine note(String label) {
        return new FeeLine(label, 0, Kind.NOTE);
    }

    /** The line as the driver hears it: label, then the amount (notes have none). */
    public String text() {
        return kind == Kind.NOTE ? label : label + " " + Fen.format(amountFen) + "元";
    }
}
