package com.boothdesk.app.domain.fee;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules for one vehicle class of a {@link Tariff}. Immutable; build with {@link #builder(String)}. Which
 * fields matter depends on the {@link ChargeMode}; the validator rejects fields a mode cannot use.
 */
public final class ClassTariff {

    private final String vehicleClass;
    private final String displayName;
    private final ChargeMode mode;
    private final int freeMinutes;
    private final boolean freeMinutesSurvive;
    private final boolean fillAcrossPeriods;
    private final CapBasis capBasis;
    private final List<Long> dailyCapsFen;
    private final long stayCapFen;
    private final Map<CalendarKind, List<Period>> schedules;
    private final List<LadderStep> ladder;
    private final int ladderCycleMinutes;
    private final long perVisitFen;
    private final long perDayFen;

    private ClassTariff(Builder b) {
        this.vehicleClass = Objects.requireNonNull(b.vehicleClass, "vehicleClass");
        this.displayName = b.displayName == null ? b.vehicleClass : b.displayName;
        this.mode = Objects.requireNonNull(b.mode, "mode");
        this.freeMinutes = b.freeMinutes;
        this.freeMinutesSurvive = b.freeMinutesSurvive;
        this.fillAcrossPeriods = b.fillAcrossPeriods;
        this.capBasis = Objects.requireNonNull(b.capBasis, "capBasis");
        this.dailyCapsFen = List.copyOf(b.dailyCapsFen);
        this.stayCapFen = b.stayCapFen;
        EnumMap<CalendarKind, List<Period>> copy = new EnumMap<>(CalendarKind.class);
        b.schedules.forEach((kind, periods) -> copy.put(kind, List.copyOf(periods)));
        this.schedules = Collections.unmodifiableMap(copy);
        this.ladder = List.copyOf(b.ladder);
        this.ladderCycleMinutes = b.ladderCycleMinutes;
        this.perVisitFen = b.perVisitFen;
        this.perDayFen = b.perDayFen;
    }

    public static Builder builder(String vehicleClass) {
        return new Builder(vehicleClass);
    }

    /** A builder holding this class's values, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder(vehicleClass).displayName(displayName).mode(mode)
                .freeMinutes(freeMinutes, freeMinutesSurvive).fillAcrossPeriods(fillAcrossPeriods)
                .capBasis(capBasis).dailyCapsFen(dailyCapsFen).stayCapFen(stayCapFen).ladder(ladder)
                .ladderCycleMinutes(ladderCycleMinutes).perVisitFen(perVisitFen).perDayFen(perDayFen);
        schedules.forEach(b::schedule);
        return b;
    }

    public String vehicleClass() {
        return vehicleClass;
    }

    /** Chinese name for explanations, e.g. 小车. */
    public String displayName() {
        return displayName;
    }

    public ChargeMode mode() {
        return mode;
    }

    /** A stay this long or shorter costs nothing. */
    public int freeMinutes() {
        return freeMinutes;
    }

    /**
     * True: the free minutes are also deducted from a longer stay (charging starts after them). False: a stay
     * longer than the free minutes is charged from the entry.
     */
    public boolean freeMinutesSurvive() {
        return freeMinutesSurvive;
    }

    /**
     * True: a repeating unit cut by the end of a period is completed in the next period at the first period's
     * price (补时). False: it is charged as a whole unit and the next period starts at its boundary.
     */
    public boolean fillAcrossPeriods() {
        return fillAcrossPeriods;
    }

    public CapBasis capBasis() {
        return capBasis;
    }

    /**
     * The cap of the first, second, … day (per {@link #capBasis()}); the last value repeats for every later day.
     * Empty: no daily cap. One value: the same cap every day.
     */
    public List<Long> dailyCapsFen() {
        return dailyCapsFen;
    }

    /** Most one stay costs; {@link Period#NO_CAP} for none. */
    public long stayCapFen() {
        return stayCapFen;
    }

    /** The periods of each calendar kind; {@link CalendarKind#WORKDAY} is always there. */
    public Map<CalendarKind, List<Period>> schedules() {
        return schedules;
    }

    /** The periods for a day of the given kind (the workday ones when the kind has none of its own). */
    public List<Period> periods(CalendarKind kind) {
        List<Period> periods = schedules.get(kind);
        return periods != null ? periods : schedules.getOrDefault(CalendarKind.WORKDAY, List.of());
    }

    public List<LadderStep> ladder() {
        return ladder;
    }

    public int ladderCycleMinutes() {
        return ladderCycleMinutes;
    }

    public long perVisitFen() {
        return perVisitFen;
    }

    public long perDayFen() {
        return perDayFen;
    }

    /** The cap of day number {@code index} (0 = first day), or {@link Period#NO_CAP}. */
    public long dailyCapFen(long index) {
        if (dailyCapsFen.isEmpty()) {
            return Period.NO_CAP;
        }
        return dailyCapsFen.get((int) Math.min(index, dailyCapsFen.size() - 1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassTariff other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "ClassTariff[" + vehicleClass + " " + displayName + " " + mode + " free=" + freeMinutes
                + (freeMinutesSurvive ? "(survive)" : "") + " fill=" + fillAcrossPeriods + " capBasis=" + capBasis
                + " dailyCaps=" + dailyCapsFen + " stayCap=" + stayCapFen + " schedules=" + schedules
                + " ladder=" + ladder + "/" + ladderCycleMinutes + " perVisit=" + perVisitFen + " perDay="
                + perDayFen + "]";
    }

    /** Collects the values of a {@link ClassTariff}. */
    public static final class Builder {
        private final String vehicleClass;
        private String displayName;
        private ChargeMode mode = ChargeMode.PERIODS;
        private int freeMinutes;
        private boolean freeMinutesSurvive;
        private boolean fillAcrossPeriods;
        private CapBasis capBasis = CapBasis.CALENDAR_DAY;
        private List<Long> dailyCapsFen = List.of();
        private long stayCapFen = Period.NO_CAP;
        private final Map<CalendarKind, List<Period>> schedules = new EnumMap<>(CalendarKind.class);
        private List<LadderStep> ladder = List.of();
        private int ladderCycleMinutes = 24 * 60;
        private long perVisitFen;
        private long perDayFen;

        private Builder(String vehicleClass) {
            this.vehicleClass = vehicleClass;
        }

        public Builder displayName(String name) {
            this.displayName = name;
            return this;
        }

        public Builder mode(ChargeMode mode) {
            this.mode = mode;
            return this;
        }

        public Builder freeMinutes(int minutes, boolean survive) {
            this.freeMinutes = minutes;
            this.freeMinutesSurvive = survive;
            return this;
        }

        public Builder fillAcrossPeriods(boolean fill) {
            this.fillAcrossPeriods = fill;
            return this;
        }

        public Builder capBasis(CapBasis basis) {
            this.capBasis = basis;
            return this;
        }

        public Builder dailyCapsFen(List<Long> caps) {
            this.dailyCapsFen = new ArrayList<>(caps);
            return this;
        }

        public Builder dailyCapFen(long cap) {
            return dailyCapsFen(List.of(cap));
        }

        public Builder stayCapFen(long cap) {
            this.stayCapFen = cap;
            return this;
        }

        public Builder schedule(CalendarKind kind, List<Period> periods) {
            schedules.put(kind, new ArrayList<>(periods));
            return this;
        }

        public Builder periods(Period... periods) {
            return schedule(CalendarKind.WORKDAY, List.of(periods));
        }

        public Builder ladder(List<LadderStep> steps) {
            this.ladder = new ArrayList<>(steps);
            return this;
        }

        public Builder ladderCycleMinutes(int minutes) {
            this.ladderCycleMinutes = minutes;
            return this;
        }

        public Builder perVisitFen(long fen) {
            this.perVisitFen = fen;
            return this;
        }

        public Builder perDayFen(long fen) {
            this.perDayFen = fen;
            return this;
        }

        /** The class rules, not yet validated (a {@link Tariff} validates its classes). */
        public ClassTariff build() {
            return new ClassTariff(this);
        }
    }
}
