package com.boothdesk.app.report;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import com.boothdesk.app.domain.staff.Account;
import com.boothdesk.app.domain.staff.HandoverRecord;
import com.boothdesk.app.domain.staff.Shift;
import com.boothdesk.app.domain.staff.ShiftLedger;
import com.boothdesk.app.store.staff.JdbcStaffStore;

/**
 * Builds the report of a stored shift. Every report produced (on paper or as a PDF) is recorded: the first is the
 * original, each later one says it is a reprint.
 */
public final class ShiftReports {

    private final JdbcStaffStore store;
    private final String boothId;
    private final Clock clock;

    public ShiftReports(JdbcStaffStore store, String boothId, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.boothId = Objects.requireNonNull(boothId, "boothId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The most recent closed shift in this database. */
    public Optional<Shift> last() {
        return store.lastClosedAnywhere();
    }

    public Optional<Shift> shift(String shiftId) {
        return store.shift(shiftId);
    }

    /**
     * The report of {@code shift}, recorded as printed by {@code by} to {@code target} ("pdf", "printer").
     */
    public ShiftReport produce(Shift shift, String by, String target) {
        int before = store.recordPrint(shift.shiftId(), clock.instant(), by, target);
        return build(shift, before);
    }

    /** The report without recording a print (previews). */
    public ShiftReport preview(Shift shift) {
        return build(shift, 0);
    }

    private ShiftReport build(Shift shift, int printNo) {
        Shift s = store.shift(shift.shiftId()).orElse(shift);
        ShiftLedger ledger = store.ledger(s, s.open() ? clock.instant() : s.endedAt());
        HandoverRecord h = s.open() ? null : store.handover(s.shiftId()).orElse(null);
        String who = store.account(s.userId()).map(Account::display).orElse(s.userId());
        String denominations = s.open() ? "" : store.denominations(s.shiftId()).orElse("");
        return ShiftReport.of(boothId.isEmpty() ? s.workstation() : boothId, ledger, who, h, denominations, printNo,
                clock.instant(), clock.getZone());
    }
}
