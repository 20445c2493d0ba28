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
 */
public record LaneServices(OrderRepository orders, GateEventLog gates, FeeCalculator fees, LaneSignals signals,
                           ImageStore images, VehicleLists lists, ParkSpaces spaces, LaneRules rules, LaneTexts texts,
                           LaneSnapshots snapshots, Clock clock, Supplier<String> operator, Duration debounce,
                           String vehicleClass) {
    public LaneServices {
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
    }
}
