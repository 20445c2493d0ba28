package com.boothdesk.app.domain.fee;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money helpers. All amounts in BoothDesk are integer fen (1 元 = 100 fen); yuan exist only as text. */
public final class Fen {

    private Fen() {
    }

    /** {@code 700 -> "7.00"}, {@code -5 -> "-0.05"}. */
    public static String format(long fen) {
        long abs = Math.abs(fen);
        String text = (abs / 100) + "." + (abs % 100 < 10 ? "0" : "") + (abs % 100);
        return fen < 0 ? "-" + text : text;
    }

    /**
     * Parses a yuan amount ("7", "7.5", "7.05", "-1.20", "7元") into fen.
     *
     * @throws IllegalArgumentException when the text is not a yuan amount with at most two decimals
     */
    public static long parse(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            throw new IllegalArgumentException("empty amount");
        }
        String text = yuan.trim();
        if (text.endsWith("元")) {
            text = text.substring(0, text.length() - 1).trim();
        }
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
                throw new IllegalArgumentException("amount '" + yuan + "' has more than two decimals (fen)");
            }
            return value.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a yuan amount: '" + yuan + "'", e);
        }
    }
}
