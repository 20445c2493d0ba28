package com.boothdesk.app.domain.fee;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The tariffs a lot has used over time. The tariff in force when a car entered prices its whole stay, even when
 * a new tariff (from the cloud's {@code price_sync} or local configuration) took effect while it was parked.
 * Immutable; {@link #with} returns a new schedule.
 */
public final class TariffSchedule {

    private final TreeMap<Instant, Tariff> byStart;

    private TariffSchedule(TreeMap<Instant, Tariff> byStart) {
        this.byStart = byStart;
    }

    /** One tariff, in force since ever. */
    public static TariffSchedule of(Tariff tariff) {
        TreeMap<Instant, Tariff> map = new TreeMap<>();
        map.put(Instant.MIN, Objects.requireNonNull(tariff, "tariff"));
        return new TariffSchedule(map);
    }

    /** This schedule plus {@code tariff} in force from {@code effectiveFrom} (replacing one from the same instant). */
    public TariffSchedule with(Instant effectiveFrom, Tariff tariff) {
        TreeMap<Instant, Tariff> map = new TreeMap<>(byStart);
        map.put(Objects.requireNonNull(effectiveFrom, "effectiveFrom"), Objects.requireNonNull(tariff, "tariff"));
        return new TariffSchedule(map);
    }

    /** The tariff in force at {@code instant} (for a stay: its entry time). */
    public Tariff inForceAt(Instant instant) {
        Map.Entry<Instant, Tariff> e = byStart.floorEntry(instant);
        return e != null ? e.getValue() : byStart.firstEntry().getValue();
    }

    /** The most recent tariff with this id, e.g. to re-price an order that stored its tariff id. */
    public Optional<Tariff> byId(String id) {
        return byStart.descendingMap().values().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Start instant → tariff, oldest first ({@link Instant#MIN} for the first one). */
    public Map<Instant, Tariff> entries() {
        return java.util.Collections.unmodifiableMap(byStart);
    }
}
