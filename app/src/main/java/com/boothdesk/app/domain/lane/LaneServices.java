package com.boothdesk.app.domain.lane;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

import com.boothdesk.app.domain.gate.GateEventLog;
import com.boothdesk.app.domain.lists.VehicleLists;
import com.boothdesk.app.domain.order.OrderRepository;

/**
 * What every lane controller needs, wired once by the application.
 *
 * @param texts        what the LED shows and the voice says per outcome
 * @param snapshots    evidence pictures for manual barrier movements
 * @param operator     the attendant on duty (protocol uid / out_uid)
 * @param debounce     the same plate read again at the same lane within this time is ignored
 * @param vehicleClass the vehicle class used when nothing better is known
 * @param journal      the camera reads answered but not yet decided (settled here once decided)
 * @param gateTimeout  how long a lane waits for its barrier device to confirm a command before it records the
 *                     command as failed
 * @param idleAfter    after a car has passed (entered, or released at the exit) the LED returns to the lane's idle
 *                     text this long after the last event, unless another car came meanwhile; zero: never
 * @param classes      the fee class a car is priced with (decided at entry, switched by the attendant at the exit)
 */
public record LaneServices(OrderRepository orders, GateEventLog gates, FeeCalculator fees, LaneSignals signals,
                           ImageStore images, VehicleLists lists, ParkSpaces spaces, LaneRules rules, LaneTexts texts,
                           LaneSnapshots snapshots, Clock clock, Supplier<String> operator, Duration debounce,
                           String vehicleClass, IntakeJournal journal, Duration gateTimeout, Duration idleAfter,
                           VehicleClasses classes) {

    /** The LED returns to the idle text this long after a car passed, when nothing is configured. */
    public static final Duration DEFAULT_IDLE_AFTER = Duration.ofSeconds(8);

    /** Every car priced as {@code vehicleClass}. */
    public LaneServices(OrderRepository orders, GateEventLog gates, FeeCalculator fees, LaneSignals signals,
                        ImageStore images, VehicleLists lists, ParkSpaces spaces, LaneRules rules, LaneTexts texts,
                        LaneSnapshots snapshots, Clock clock, Supplier<String> operator, Duration debounce,
                        String vehicleClass, IntakeJournal journal, Duration gateTimeout, Duration idleAfter) {
        this(orders, gates, fees, signals, images, lists, spaces, rules, texts, snapshots, clock, operator, debounce,
                vehicleClass, journal, gateTimeout, idleAfter, VehicleClasses.fixed(vehicleClass));
    }

    /** With the LED back to idle {@link #DEFAULT_IDLE_AFTER} after a car passed. */
    public LaneServices(OrderRepository orders, GateEventLog gates, FeeCalculator fees, LaneSignals signals,
                        ImageStore images, VehicleLists lists, ParkSpaces spaces, LaneRules rules, LaneTexts texts,
                        LaneSnapshots snapshots, Clock clock, Supplier<String> operator, Duration debounce,
                        String vehicleClass, IntakeJournal journal, Duration gateTimeout) {
        this(orders, gates, fees, signals, images, lists, spaces, rules, texts, snapshots, clock, operator, debounce,
                vehicleClass, journal, gateTimeout, DEFAULT_IDLE_AFTER);
    }

    /** Without an intake journal; the barrier device has 5 s to confirm. */
    public LaneServices(OrderRepository orders, GateEventLog gates, FeeCalculator fees, LaneSignals signals,
                        ImageStore images, VehicleLists lists, ParkSpaces spaces, LaneRules rules, LaneTexts texts,
                        LaneSnapshots snapshots, Clock clock, Supplier<String> operator, Duration debounce,
                        String vehicleClass) {
        this(orders, gates, fees, signals, images, lists, spaces, rules, texts, snapshots, clock, operator, debounce,
                vehicleClass, IntakeJournal.NONE, Duration.ofSeconds(5), DEFAULT_IDLE_AFTER);
    }

    /** The same services writing the camera reads' journal. */
    public LaneServices withJournal(IntakeJournal j) {
        return new LaneServices(orders, gates, fees, signals, images, lists, spaces, rules, texts, snapshots, clock,
                operator, debounce, vehicleClass, j, gateTimeout, idleAfter, classes);
    }

    /** The same services with another operator supplier (the shifts' login). */
    public LaneServices withOperator(Supplier<String> op) {
        return new LaneServices(orders, gates, fees, signals, images, lists, spaces, rules, texts, snapshots, clock,
                op, debounce, vehicleClass, journal, gateTimeout, idleAfter, classes);
    }

    /** The same services with the LED back to idle {@code d} after a car passed (zero: never). */
    public LaneServices withIdleAfter(Duration d) {
        return new LaneServices(orders, gates, fees, signals, images, lists, spaces, rules, texts, snapshots, clock,
                operator, debounce, vehicleClass, journal, gateTimeout, d, classes);
    }

    /** proto3: the same services with the site's fee classes (plate colour, the cloud's car types). */
    public LaneServices withClasses(VehicleClasses c) {
        return new LaneServices(orders, gates, fees, signals, images, lists, spaces, rules, texts, snapshots, clock,
                operator, debounce, vehicleClass, journal, gateTimeout, idleAfter, c);
    }

    /**
     * The configured {@code lane.idle_after_seconds} (0 - 3600; null or blank: the default).
     *
     * @throws IllegalArgumentException naming the key and the value when it is no such number
     */
    public static Duration idleAfter(String seconds) {
        if (seconds == null || seconds.isBlank()) {
            return DEFAULT_IDLE_AFTER;
        }
        try {
            int s = Integer.parseInt(seconds.trim());
            if (s >= 0 && s <= 3600) {
                return Duration.ofSeconds(s);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("lane.idle_after_seconds: expected whole seconds 0-3600, got '"
                + com.boothdesk.app.domain.plate.SafeText.of(seconds, 40) + "'");
    }

    public LaneServices {
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(gateTimeout, "gateTimeout");
        Objects.requireNonNull(idleAfter, "idleAfter");
        if (idleAfter.isNegative()) {
            throw new IllegalArgumentException("idleAfter must not be negative");
        }
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(gates, "gates");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(lists, "lists");
        Objects.requireNonNull(spaces, "spaces");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(debounce, "debounce");
        Objects.requireNonNull(vehicleClass, "vehicleClass");
        Objects.requireNonNull(classes, "classes");
    }
}
