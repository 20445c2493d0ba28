package com.boothdesk.app.domain.fee;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A time-of-day period of a tariff, e.g. day 07:00-21:00. {@code end} before {@code start} crosses midnight;
 * {@code end} equal to {@code start} is the whole day. Time in the period is priced by a first unit (once per
 * occurrence of the period in a stay) and then a repeating unit; a trailing part of a repeating unit of at most
 * {@code graceMinutes} costs nothing.
 *
 * @param name          shown in explanations, e.g. "白天"
 * @param free          the whole period costs nothing
 * @param firstMinutes  length of the first unit; 0 = no first unit
 * @param firstFen      price of the first unit (charged in full even when the stay in the period is shorter)
 * @param unitMinutes   length of the repeating unit (greater than 0 unless the period is free)
 * @param unitFen       price of one repeating unit
 * @param graceMinutes  a trailing partial repeating unit this long or shorter is not charged
 * @param capFen        most one occurrence of the period costs; {@link #NO_CAP} for none
 */
public record Period(String name, LocalTime start, LocalTime end, boolean free, int firstMinutes, long firstFen,
                     int unitMinutes, long unitFen, int graceMinutes, long capFen) {

    /** No cap. */
    public static final long NO_CAP = -1;

    public Period {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** A priced period without first unit, grace or cap. */
    public static Period priced(String name, LocalTime start, LocalTime end, int unitMinutes, long unitFen) {
        return new Period(name, start, end, false, 0, 0, unitMinutes, unitFen, 0, NO_CAP);
    }

    /** A period that costs nothing. */
    public static Period freePeriod(String name, LocalTime start, LocalTime end) {
        return new Period(name, start, end, true, 0, 0, 0, 0, 0, NO_CAP);
    }

    public Period withFirst(int minutes, long fen) {
        return new Period(name, start, end, free, minutes, fen, unitMinutes, unitFen, graceMinutes, capFen);
    }

    public Period withGrace(int minutes) {
        return new Period(name, start, end, free, firstMinutes, firstFen, unitMinutes, unitFen, minutes, capFen);
    }

    public Period withCap(long fen) {
        return new Period(name, start, end, free, firstMinutes, firstFen, unitMinutes, unitFen, graceMinutes, fen);
    }

    public boolean hasCap() {
        return capFen != NO_CAP;
    }

    /** Length in minutes, 1..1440. */
    public int lengthMinutes() {
        int s = start.getHour() * 60 + start.getMinute();
        int e = end.getHour() * 60 + end.getMinute();
        int length = Math.floorMod(e - s, 24 * 60);
        return length == 0 ? 24 * 60 : length;
    }

    /** "白天 07:00-21:00". */
    public String describe() {
        return name + " " + start + "-" + end;
    }
}
