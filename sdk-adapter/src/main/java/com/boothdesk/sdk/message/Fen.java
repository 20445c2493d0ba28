package com.boothdesk.sdk.message;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money on the wire: the protocol writes yuan as text with two decimals ("12.50"); BoothDesk keeps long fen. */
public final class Fen {

    private Fen() {
    }

    /** 1250 → "12.50"; negative amounts are written with a leading minus (refunds). */
    public static String format(long fen) {
        long abs = Math.abs(fen);
        String s = (abs / 100) + "." + (abs % 100 < 10 ? "0" : "") + (abs % 100);
        return fen < 0 ? "-" + s : s;
    }

    /**
     * Tolerant reading: "12.5", "12.50", "12", 12.5 (a JSON number as text) → fen. More than two decimals is an
     * error unless the extra digits are zeros.
     *
     * @throws NumberFormatException naming the value
     */
    public static long parse(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            throw new NumberFormatException("empty amount");
        }
        BigDecimal d;
        try {
            d = new BigDecimal(yuan.trim());
        } catch (NumberFormatException e) {
            throw new NumberFormatException("not an amount: \"" + yuan + "\"");
        }
        try {
            return d.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw new NumberFormatException("amount has more than 2 decimals or is out of range: \"" + yuan + "\"");
        }
    }
}
