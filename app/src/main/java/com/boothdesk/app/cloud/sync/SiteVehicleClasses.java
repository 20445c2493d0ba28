package com.boothdesk.app.cloud.sync;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.fee.Tariff;
import com.boothdesk.app.domain.fee.TariffSchedule;
import com.boothdesk.app.domain.fee.VehicleClassRules;
import com.boothdesk.app.domain.lane.PlateRead;
import com.boothdesk.app.domain.lane.VehicleClasses;
import com.boothdesk.app.domain.lists.MonthlyCard;
import com.boothdesk.app.domain.lists.PlateStatus;
import com.boothdesk.app.domain.plate.SafeText;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.lists.JdbcListStore;

/**
 * The site's fee classes (proto3, 3.15): a car on a monthly card priced by the class its cloud car type names (the
 * card's car_type_id, named by 3.15 car_type_sync), any other car by its plate colour, as the site maps them
 * ({@link VehicleClassRules}); only classes the tariff in force prices, else {@code fee.vehicle_class}.
 */
public final class SiteVehicleClasses implements VehicleClasses {

    private static final Logger LOG = LoggerFactory.getLogger(SiteVehicleClasses.class);

    private final VehicleClassRules rules;
    private final java.util.function.Supplier<TariffSchedule> tariffs;
    private final Function<String, Optional<String>> carTypeName;

    /**
     * @param carTypeName the name of a cloud car type by its id (3.15), empty when the cloud sent none by that id
     */
    public SiteVehicleClasses(VehicleClassRules rules, java.util.function.Supplier<TariffSchedule> tariffs,
                              Function<String, Optional<String>> carTypeName) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.tariffs = Objects.requireNonNull(tariffs, "tariffs");
        this.carTypeName = Objects.requireNonNull(carTypeName, "carTypeName");
    }

    /** The car types the cloud delivered (3.15), read from the list store's {@code car_type} table. */
    public static SiteVehicleClasses of(VehicleClassRules rules, java.util.function.Supplier<TariffSchedule> tariffs,
                                        Database db, java.time.Clock clock) {
        JdbcListStore store = new JdbcListStore(clock);
        return new SiteVehicleClasses(rules, tariffs, id -> db.read(c -> store.findCarType(c, id))
                .map(t -> t.name()));
    }

    @Override
    public String atEntry(PlateRead read, PlateStatus status) {
        Tariff tariff = tariffs.get().inForceAt(read.readAt());
        String typeId = status == null ? "" : status.monthly().map(MonthlyCard::vehicleClass).orElse("");
        String typeName = typeId.isBlank() ? "" : carTypeName.apply(typeId).orElse("");
        VehicleClassRules.Decided d = rules.classify(read.colorCode(), typeName, tariff.classes().keySet());
        LOG.debug("Fee class of {}: {} by {} (colour {}, cloud car type '{}')", SafeText.plate(read.plate()),
                d.vehicleClass(), d.source(), read.colorCode(), SafeText.of(typeName, 24));
        return d.vehicleClass();
    }

    @Override
    public List<Choice> choices(Instant at) {
        Tariff tariff = tariffs.get().inForceAt(at);
        return tariff.classes().entrySet().stream()
                .map(e -> new Choice(e.getKey(), e.getValue().displayName())).toList();
    }
}
