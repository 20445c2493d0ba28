package com.boothdesk.app.store.history;

import java.time.Instant;

import com.boothdesk.app.domain.order.PaymentMethod;

/**
 * What the history search looks for. Every field may be null (no filter). The time range is that of the stay's entry
 * ({@code from} included, {@code to} excluded), by the entry-time index. Plates are matched {@link PlateMode exactly, fuzzily (a
 * misread finds its car) or as a fragment}, against the stored plate and the plate read at the exit.
 *
 * @param attendant the attendant at the entry or the exit
 * @param outcome   what became of the stay
 * @param limit     at most this many rows (1..10,000); exports read the whole result through a stream instead
 */
public record HistoryQuery(String plate, PlateMode plateMode, Instant from, Instant to, String lane,
                           String attendant, PaymentMethod payment, Outcome outcome, int limit) {

    public static final int MAX_LIMIT = 10_000;

    /** How the typed plate is matched. */
    public enum PlateMode {
        /** the whole plate, as typed */
        EXACT,
        /** the plate, or plates one misread away: one character different, one missing or extra, province ignored */
        FUZZY,
        /** plates containing the typed characters */
        CONTAINS
    }

    /** What became of a stay. */
    public enum Outcome {
        /** still in the lot */
        IN_LOT,
        /** left with payment (or a monthly / white-list pass) */
        PAID,
        /** let go for free by an attendant (with a reason) */
        FREE,
        /** replaced by a later entry of the same plate */
        SUPERSEDED
    }

    public HistoryQuery {
        plateMode = plateMode == null ? PlateMode.FUZZY : plateMode;
        plate = blankToNull(plate);
        lane = blankToNull(lane);
        attendant = blankToNull(attendant);
        if (limit <= 0 || limit > MAX_LIMIT) {
            limit = Math.max(1, Math.min(MAX_LIMIT, limit <= 0 ? 500 : limit));
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the time range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** Everything, newest first, at most 500 rows. */
    public static HistoryQuery all() {
        return new HistoryQuery(null, PlateMode.FUZZY, null, null, null, null, null, null, 500);
    }

    public HistoryQuery withPlate(String p, PlateMode mode) {
        return new HistoryQuery(p, mode, from, to, lane, attendant, payment, outcome, limit);
    }

    public HistoryQuery withRange(Instant f, Instant t) {
        return new HistoryQuery(plate, plateMode, f, t, lane, attendant, payment, outcome, limit);
    }

    public HistoryQuery withLane(String l) {
        return new HistoryQuery(plate, plateMode, from, to, l, attendant, payment, outcome, limit);
    }

    public HistoryQuery withAttendant(String a) {
        return new HistoryQuery(plate, plateMode, from, to, lane, a, payment, outcome, limit);
    }

    public HistoryQuery withPayment(PaymentMethod p) {
        return new HistoryQuery(plate, plateMode, from, to, lane, attendant, p, outcome, limit);
    }

    public HistoryQuery withOutcome(Outcome o) {
        return new HistoryQuery(plate, plateMode, from, to, lane, attendant, payment, o, limit);
    }

    public HistoryQuery withLimit(int n) {
        return new HistoryQuery(plate, plateMode, from, to, lane, attendant, payment, outcome, n);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
