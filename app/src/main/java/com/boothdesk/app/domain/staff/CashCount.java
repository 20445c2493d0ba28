package com.boothdesk.app.domain.staff;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cash counted in the drawer at a handover: either by denomination (face value in fen → pieces) or as a total.
 */
public record CashCount(Map<Long, Integer> pieces, long totalFen) {

    /** The notes and coins of the RMB, largest first (fen). */
    public static final List<Long> DENOMINATIONS = List.of(10_000L, 5_000L, 2_000L, 1_000L, 500L, 100L, 50L, 10L);

    public CashCount {
        pieces = Collections.unmodifiableMap(new TreeMap<>(pieces == null ? Map.of() : pieces));
        if (totalFen < 0) {
            throw new IllegalArgumentException("counted cash < 0");
        }
        for (Map.Entry<Long, Integer> e : pieces.entrySet()) {
            if (e.getKey() <= 0 || e.getValue() < 0) {
                throw new IllegalArgumentException("bad denomination " + e);
            }
        }
    }

    public static CashCount total(long fen) {
        return new CashCount(Map.of(), fen);
    }

    public static CashCount byPieces(Map<Long, Integer> pieces) {
        long sum = 0;
        for (Map.Entry<Long, Integer> e : pieces.entrySet()) {
            sum = Math.addExact(sum, Math.multiplyExact(e.getKey(), (long) e.getValue()));
        }
        return new CashCount(pieces, sum);
    }

    /** "100元×3 50元×1" for the record, empty when counted as a total. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(pieces).descendingMap().forEach((face, n) -> {
            if (n > 0) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(face % 100 == 0 ? (face / 100) + "元" : face + "分").append('×').append(n);
            }
        });
        return sb.toString();
    }
}
