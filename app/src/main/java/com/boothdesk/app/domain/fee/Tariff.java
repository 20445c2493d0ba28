package com.boothdesk.app.domain.fee;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A complete, validated tariff: rules per vehicle class (each with workday / holiday periods, free minutes, caps
 * …). Immutable. The tariff in force when a car enters prices its whole stay, so callers keep the tariff (or its
 * id) with the order.
 */
public final class Tariff {

    private final String id;
    private final String name;
    private final String defaultClass;
    private final Map<String, ClassTariff> classes;

    private Tariff(String id, String name, String defaultClass, Map<String, ClassTariff> classes) {
        this.id = id;
        this.name = name;
        this.defaultClass = defaultClass;
        this.classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
    }

    /**
     * A validated tariff.
     *
     * @param defaultClass the class that prices a vehicle whose class has no rules of its own
     * @throws TariffException when a class has gaps or overlaps between periods or impossible values; the message
     *                         names the class, the calendar kind and the period
     */
    public static Tariff of(String id, String name, String defaultClass, Map<String, ClassTariff> classes)
            throws TariffException {
        Objects.requireNonNull(id, "id");
        Tariff tariff = new Tariff(id, name == null ? id : name, defaultClass, classes);
        TariffValidator.validate(tariff);
        return tariff;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String defaultClass() {
        return defaultClass;
    }

    /** The classes in file order, by class key (e.g. "small", "large"). */
    public Map<String, ClassTariff> classes() {
        return classes;
    }

    /** The rules of exactly this class. */
    public Optional<ClassTariff> find(String vehicleClass) {
        return Optional.ofNullable(vehicleClass == null ? null : classes.get(vehicleClass));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tariff t && id.equals(t.id) && name.equals(t.name) && defaultClass.equals(t.defaultClass)
                && classes.equals(t.classes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, classes);
    }

    @Override
    public String toString() {
        return "Tariff[" + id + " " + name + " classes=" + classes.keySet() + "]";
    }
}
