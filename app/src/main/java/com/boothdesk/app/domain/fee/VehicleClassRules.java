package com.boothdesk.app.domain.fee;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which fee class a car is priced with, as the site maps it (岗亭车型): the cloud's car type (3.15 {@code car_type_sync},
 * named on the car's monthly card) where its name names a class, else the camera's plate colour (blue small, yellow
 * large, green new-energy by default), else {@code fee.vehicle_class}. A class the tariff does not price falls back
 * to the default class. Pure: decided from what it is given.
 *
 * <p>Site keys: {@code fee.class_by_colour} ({@code blue=small,yellow=large,green=new_energy}) and
 * {@code fee.class_by_car_type} (a word in the cloud's car type name = class, longest word first:
 * {@code 新能源=new_energy,大=large,小=small,摩托=motorcycle}).
 */
public final class VehicleClassRules {

    /** The camera's plate colour codes (Zhenshi, and what the other brands are mapped to): 1 blue … 5 green. */
    static final Map<String, Integer> COLOURS = Map.of("unknown", 0, "blue", 1, "yellow", 2, "white", 3, "black", 4,
            "green", 5);
    public static final String DEFAULT_COLOURS = "blue=small,yellow=large,green=new_energy";
    public static final String DEFAULT_CAR_TYPES = "新能源=new_energy,大=large,小=small,摩托=motorcycle";

    private final Map<Integer, String> byColour;
    /** Words of the cloud's car type names, longest first (新能源小车 is new-energy, not small). */
    private final List<Map.Entry<String, String>> byCarTypeWord;
    private final String fallback;

    private VehicleClassRules(Map<Integer, String> byColour, List<Map.Entry<String, String>> byCarTypeWord,
                              String fallback) {
        this.byColour = Map.copyOf(byColour);
        this.byCarTypeWord = List.copyOf(byCarTypeWord);
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** The built-in mapping. */
    public static VehicleClassRules defaults(String fallback) {
        return parse(DEFAULT_COLOURS, DEFAULT_CAR_TYPES, fallback);
    }

    /**
     * The site's mapping; null or blank keeps the default of that key.
     *
     * @throws IllegalArgumentException naming the key and the entry at fault
     */
    public static VehicleClassRules parse(String colours, String carTypes, String fallback) {
        Map<Integer, String> byColour = new LinkedHashMap<>();
        for (String[] kv : pairs("fee.class_by_colour", colours == null || colours.isBlank() ? DEFAULT_COLOURS
                : colours)) {
            Integer code = COLOURS.get(kv[0].toLowerCase(Locale.ROOT));
            if (code == null) {
                throw new IllegalArgumentException("fee.class_by_colour: unknown colour '" + cut(kv[0])
                        + "' (blue, yellow, white, black, green, unknown)");
            }
            byColour.put(code, kv[1]);
        }
        List<Map.Entry<String, String>> words = new ArrayList<>();
        for (String[] kv : pairs("fee.class_by_car_type", carTypes == null || carTypes.isBlank() ? DEFAULT_CAR_TYPES
                : carTypes)) {
            words.add(Map.entry(kv[0], kv[1]));
        }
        words.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        return new VehicleClassRules(byColour, words, fallback);
    }

    private static List<String[]> pairs(String key, String text) {
        List<String[]> out = new ArrayList<>();
        for (String item : text.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            int eq = item.indexOf('=');
            String k = eq < 0 ? "" : item.substring(0, eq).trim();
            String v = eq < 0 ? "" : item.substring(eq + 1).trim();
            if (k.isEmpty() || !v.matches("[a-z0-9_]{1,24}")) {
                throw new IllegalArgumentException(key + ": expected name=class (class a-z0-9_), got '"
                        + cut(item.trim()) + "'");
            }
            out.add(new String[] {k, v});
        }
        return out;
    }

    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    /** The class used when nothing better is known ({@code fee.vehicle_class}). */
    public String fallback() {
        return fallback;
    }

    /** The class the cloud's car type name names, if a configured word is in it. */
    public java.util.Optional<String> byCarTypeName(String cloudCarTypeName) {
        if (cloudCarTypeName == null || cloudCarTypeName.isBlank()) {
            return java.util.Optional.empty();
        }
        for (Map.Entry<String, String> w : byCarTypeWord) {
            if (cloudCarTypeName.contains(w.getKey())) {
                return java.util.Optional.of(w.getValue());
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The class of a car: the cloud's car type when it names a class, else the plate colour's, else the fallback;
     * any of them only when {@code priced} holds it (the tariff's classes), else the fallback.
     */
    public Decided classify(int colourCode, String cloudCarTypeName, Collection<String> priced) {
        java.util.Optional<String> byType = byCarTypeName(cloudCarTypeName);
        if (byType.isPresent() && priced.contains(byType.get())) {
            return new Decided(byType.get(), Source.CAR_TYPE);
        }
        String byPlate = byColour.get(colourCode);
        if (byPlate != null && priced.contains(byPlate)) {
            return new Decided(byPlate, Source.PLATE_COLOUR);
        }
        return new Decided(fallback, Source.DEFAULT);
    }

    /** What decided the class (for the log and the lane's decision line). */
    public enum Source { CAR_TYPE, PLATE_COLOUR, DEFAULT }

    /** A class and what decided it. */
    public record Decided(String vehicleClass, Source source) {
    }
}
