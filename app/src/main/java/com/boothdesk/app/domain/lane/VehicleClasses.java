package com.boothdesk.app.domain.lane;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.boothdesk.app.domain.lists.PlateStatus;

/**
 * The fee classes of the lanes: which class a car entering is priced with (kept on its stay), and the classes the
 * attendant may switch to at the exit. Implemented by the application (the site's mapping of plate colours and the
 * cloud's car types onto the tariff's classes).
 */
public interface VehicleClasses {

    /** The class a car is priced with, decided when its stay is recorded ({@code status}: its list status). */
    String atEntry(PlateRead read, PlateStatus status);

    /** The classes the tariff in force at {@code at} prices, in its order, with their names for the screen. */
    List<Choice> choices(Instant at);

    /** A class id (e.g. {@code large}) and its name on the screen (大车). */
    record Choice(String id, String name) {
        public Choice {
            Objects.requireNonNull(id, "id");
            name = name == null || name.isBlank() ? id : name;
        }
    }

    /** Every car is priced as {@code vehicleClass} (the one class a site without a mapping knows). */
    static VehicleClasses fixed(String vehicleClass) {
        Objects.requireNonNull(vehicleClass, "vehicleClass");
        return new VehicleClasses() {
            @Override
            public String atEntry(PlateRead read, PlateStatus status) {
                return vehicleClass;
            }

            @Override
            public List<Choice> choices(Instant at) {
                return List.of(new Choice(vehicleClass, vehicleClass));
            }
        };
    }
}
