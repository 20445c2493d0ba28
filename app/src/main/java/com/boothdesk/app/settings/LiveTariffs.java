package com.boothdesk.app.settings;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import com.boothdesk.app.domain.fee.Tariff;
import com.boothdesk.app.domain.fee.TariffSchedule;

/**
 * The tariff schedule the lanes price with, replaceable while the booth runs: a tariff applied in the back office is
 * in force for stays that enter from then on (a stay is priced by the tariff in force at its entry).
 */
public final class LiveTariffs {

    private final AtomicReference<TariffSchedule> schedule;

    public LiveTariffs(TariffSchedule initial) {
        this.schedule = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    public TariffSchedule schedule() {
        return schedule.get();
    }

    /** The tariff in force now. */
    public Tariff current(java.time.Instant now) {
        return schedule.get().inForceAt(now);
    }

    void replace(TariffSchedule s) {
        schedule.set(Objects.requireNonNull(s, "schedule"));
    }
}
