package com.boothdesk.app.domain.fee;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where tariffs come from: the demo's default and JSON tariff files. The file format (all money in fen):
 * <pre>
 * {"id": "t1", "name": "…", "defaultClass": "small",
 *  "classes": {
 *    "small": {"displayName": "小车", "mode": "periods",          // periods | ladder | per_visit | per_day
 *              "freeMinutes": 15, "freeMinutesSurvive": false, "fillAcrossPeriods": false,
 *              "capBasis": "calendar_day",                         // calendar_day | rolling_24h
 *              "dailyCapsFen": [3000, 4000, 5000], "stayCapFen": 100000,
 *              "workday": [{"name": "白天", "start": "07:00", "end": "21:00", "firstMinutes": 60, "firstFen": 500,
 *                           "unitMinutes": 60, "unitFen": 100, "graceMinutes": 0, "capFen": 2000},
 *                          {"name": "夜间", "start": "21:00", "end": "07:00", "free": true}],
 *              "holiday": [ … same shape, optional … ],
 *              "ladder": [{"upToMinutes": 20, "fen": 500}, …], "ladderCycleMinutes": 1440,
 *              "perVisitFen": 1000, "perDayFen": 2000},
 *    "large": {"displayName": "大车", "sameAs": "small", "factor": 2}   // every price of small × 2
 *  }}
 * </pre>
 * Unknown fields are errors (a typo must not silently make parking free).
 */
public final class Tariffs {

    /** Class path folder of the packed tariff files. */
    public static final String CLASSPATH_FOLDER = "boothdesk/config/tariffs/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TARIFF_FIELDS = Set.of("id", "name", "defaultClass", "classes", "comment");
    private static final Set<String> CLASS_FIELDS = Set.of("displayName", "mode", "freeMinutes",
            "freeMinutesSurvive", "fillAcrossPeriods", "capBasis", "dailyCapsFen", "stayCapFen", "workday",
            "holiday", "ladder", "ladderCycleMinutes", "perVisitFen", "perDayFen", "comment");
    private static final Set<String> DERIVED_FIELDS = Set.of("displayName", "sameAs", "factor", "comment");
    private static final Set<String> PERIOD_FIELDS = Set.of("name", "start", "end", "free", "firstMinutes",
            "firstFen", "unitMinutes", "unitFen", "graceMinutes", "capFen", "comment");
    private static final Set<String> STEP_FIELDS = Set.of("upToMinutes", "fen", "comment");

    private static final Tariff DEMO = buildDemo();

    private Tariffs() {
    }

    /**
     * The demo's default: small cars 15 free minutes (not deducted from longer stays), first hour 5 元, then 1 元
     * per started hour, at most 30 元 per calendar day — 08:00→11:00 = 5+1+1 = 7 元. Large cars pay double.
     */
    public static Tariff demoDefault() {
        return DEMO;
    }

    private static Tariff buildDemo() {
        Period allDay = Period.priced("全天", LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, 60, 100).withFirst(60, 500);
        ClassTariff small = ClassTariff.builder("small").displayName("小车").freeMinutes(15, false)
                .periods(allDay).dailyCapFen(3000).build();
        ClassTariff large = ClassTariff.builder("large").displayName("大车").freeMinutes(15, false)
                .periods(Period.priced("全天", LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, 60, 200).withFirst(60, 1000))
                .dailyCapFen(6000).build();
        Map<String, ClassTariff> classes = new LinkedHashMap<>();
        classes.put("small", small);
        classes.put("large", large);
        try {
            return Tariff.of("demo-default", "演示默认: 首小时5元, 之后每小时1元, 每日封顶30元, 15分钟内免费", "small",
                    classes);
        } catch (TariffException e) {
            throw new IllegalStateException("the built-in demo tariff is invalid: " + e.getMessage(), e);
        }
    }

    /** Reads and validates a tariff file. */
    public static Tariff read(Path file) throws TariffException {
        try (InputStream stream = Files.newInputStream(file)) {
            return read(stream);
        } catch (NoSuchFileException e) {
            throw new TariffException("no such tariff file: " + file, e);
        } catch (IOException e) {
            throw new TariffException("cannot read tariff file " + file + ": " + e.getMessage(), e);
        }
    }

    /** A tariff packed with the application, by file name (e.g. "airport-escalating.json"). */
    public static Tariff packed(String fileName) throws TariffException {
        try (InputStream stream = Tariffs.class.getClassLoader().getResourceAsStream(CLASSPATH_FOLDER + fileName)) {
            if (stream == null) {
                throw new TariffException("no packed tariff " + CLASSPATH_FOLDER + fileName);
            }
            return read(stream);
        } catch (IOException e) {
            throw new TariffException("cannot read packed tariff " + fileName + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads and validates a JSON tariff (format above). Does not close the stream.
     *
     * @throws TariffException unreadable JSON, unknown or mistyped fields, gaps or overlaps; the message names the
     *                         class, calendar kind and period
     */
    public static Tariff read(InputStream json) throws TariffException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new TariffException("tariff file is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()), e);
        } catch (IOException e) {
            throw new TariffException("tariff file could not be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new TariffException("a tariff file holds one JSON object");
        }
        onlyFields("tariff", root, TARIFF_FIELDS);
        String id = text("tariff", root, "id", null);
        if (id == null || id.isBlank()) {
            throw new TariffException("tariff: 'id' is required");
        }
        String where = "tariff '" + id + "'";
        JsonNode classesNode = root.get("classes");
        if (classesNode == null || !classesNode.isObject() || classesNode.isEmpty()) {
            throw new TariffException(where + ": 'classes' must be an object with at least one vehicle class");
        }
        Map<String, ClassTariff> classes = new LinkedHashMap<>();
        Map<String, JsonNode> derived = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : classesNode.properties()) {
            String at = where + " class '" + e.getKey() + "'";
            if (!e.getValue().isObject()) {
                throw new TariffException(at + ": must be an object");
            }
            if (e.getValue().has("sameAs")) {
                derived.put(e.getKey(), e.getValue());
                classes.put(e.getKey(), null);
            } else {
                classes.put(e.getKey(), readClass(at, e.getKey(), e.getValue()));
            }
        }
        for (Map.Entry<String, JsonNode> e : derived.entrySet()) {
            String at = where + " class '" + e.getKey() + "'";
            classes.put(e.getKey(), readDerived(at, e.getKey(), e.getValue(), classes));
        }
        String defaultClass = text(where, root, "defaultClass", classes.keySet().iterator().next());
        return Tariff.of(id, text(where, root, "name", id), defaultClass, classes);
    }

    /**
     * The tariff as JSON in the file format above ({@code sameAs} classes written out in full), so that
     * {@code read(toJson(t))} equals {@code t}: for storing the tariff an order was priced with.
     */
    public static String toJson(Tariff tariff) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", tariff.id());
        root.put("name", tariff.name());
        root.put("defaultClass", tariff.defaultClass());
        ObjectNode classes = root.putObject("classes");
        for (ClassTariff c : tariff.classes().values()) {
            ObjectNode n = classes.putObject(c.vehicleClass());
            n.put("displayName", c.displayName());
            n.put("mode", c.mode().name().toLowerCase());
            n.put("freeMinutes", c.freeMinutes());
            n.put("freeMinutesSurvive", c.freeMinutesSurvive());
            n.put("fillAcrossPeriods", c.fillAcrossPeriods());
            n.put("capBasis", c.capBasis().name().toLowerCase());
            if (!c.dailyCapsFen().isEmpty()) {
                c.dailyCapsFen().forEach(n.putArray("dailyCapsFen")::add);
            }
            if (c.stayCapFen() != Period.NO_CAP) {
                n.put("stayCapFen", c.stayCapFen());
            }
            for (Map.Entry<CalendarKind, List<Period>> e : c.schedules().entrySet()) {
                ArrayNode periods = n.putArray(e.getKey().name().toLowerCase());
                for (Period p : e.getValue()) {
                    ObjectNode pn = periods.addObject();
                    pn.put("name", p.name());
                    pn.put("start", p.start().toString());
                    pn.put("end", p.end().toString());
                    if (p.free()) {
                        pn.put("free", true);
                        continue;
                    }
                    pn.put("firstMinutes", p.firstMinutes());
                    pn.put("firstFen", p.firstFen());
                    pn.put("unitMinutes", p.unitMinutes());
                    pn.put("unitFen", p.unitFen());
                    pn.put("graceMinutes", p.graceMinutes());
                    if (p.hasCap()) {
                        pn.put("capFen", p.capFen());
                    }
                }
            }
            if (!c.ladder().isEmpty()) {
                ArrayNode steps = n.putArray("ladder");
                c.ladder().forEach(s -> steps.addObject().put("upToMinutes", s.upToMinutes()).put("fen", s.fen()));
            }
            if (c.mode() == ChargeMode.LADDER || c.ladderCycleMinutes() != 24 * 60) {
                n.put("ladderCycleMinutes", c.ladderCycleMinutes());
            }
            if (c.mode() == ChargeMode.PER_VISIT || c.perVisitFen() != 0) {
                n.put("perVisitFen", c.perVisitFen());
            }
            if (c.mode() == ChargeMode.PER_DAY || c.perDayFen() != 0) {
                n.put("perDayFen", c.perDayFen());
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    private static ClassTariff readClass(String at, String key, JsonNode node) throws TariffException {
        onlyFields(at, node, CLASS_FIELDS);
        ClassTariff.Builder b = ClassTariff.builder(key).displayName(text(at, node, "displayName", key));
        b.mode(enumValue(at, node, "mode", ChargeMode.class, ChargeMode.PERIODS));
        b.freeMinutes(integer(at, node, "freeMinutes", 0), bool(at, node, "freeMinutesSurvive", false));
        b.fillAcrossPeriods(bool(at, node, "fillAcrossPeriods", false));
        b.capBasis(enumValue(at, node, "capBasis", CapBasis.class, CapBasis.CALENDAR_DAY));
        JsonNode caps = node.get("dailyCapsFen");
        if (caps != null && !caps.isNull()) {
            if (!caps.isArray()) {
                throw new TariffException(at + ": 'dailyCapsFen' must be an array of fen, e.g. [3000]");
            }
            List<Long> list = new ArrayList<>();
            for (JsonNode cap : caps) {
                if (!cap.isIntegralNumber()) {
                    throw new TariffException(at + ": 'dailyCapsFen' holds '" + cap + "', not a whole number of fen");
                }
                list.add(cap.asLong());
            }
            b.dailyCapsFen(list);
        }
        b.stayCapFen(longValue(at, node, "stayCapFen", Period.NO_CAP));
        if (node.has("workday")) {
            b.schedule(CalendarKind.WORKDAY, readPeriods(at + " workday", node.get("workday")));
        }
        if (node.has("holiday")) {
            b.schedule(CalendarKind.HOLIDAY, readPeriods(at + " holiday", node.get("holiday")));
        }
        if (node.has("ladder")) {
            JsonNode steps = node.get("ladder");
            if (!steps.isArray()) {
                throw new TariffException(at + ": 'ladder' must be an array of steps");
            }
            List<LadderStep> list = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                String s = at + " ladder step #" + (i + 1);
                onlyFields(s, steps.get(i), STEP_FIELDS);
                list.add(new LadderStep(requiredInt(s, steps.get(i), "upToMinutes"),
                        requiredLong(s, steps.get(i), "fen")));
            }
            b.ladder(list);
        }
        b.ladderCycleMinutes(integer(at, node, "ladderCycleMinutes", 24 * 60));
        b.perVisitFen(longValue(at, node, "perVisitFen", 0));
        b.perDayFen(longValue(at, node, "perDayFen", 0));
        return b.build();
    }

    private static List<Period> readPeriods(String at, JsonNode node) throws TariffException {
        if (!node.isArray()) {
            throw new TariffException(at + ": must be an array of periods");
        }
        List<Period> list = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode p = node.get(i);
            String name = p.isObject() ? text(at, p, "name", null) : null;
            String where = at + " period " + (name == null ? "#" + (i + 1) : "'" + name + "'");
            if (!p.isObject()) {
                throw new TariffException(where + ": must be an object");
            }
            onlyFields(where, p, PERIOD_FIELDS);
            if (name == null || name.isBlank()) {
                throw new TariffException(where + ": 'name' is required");
            }
            list.add(new Period(name, time(where, p, "start"), time(where, p, "end"), bool(where, p, "free", false),
                    integer(where, p, "firstMinutes", 0), longValue(where, p, "firstFen", 0),
                    integer(where, p, "unitMinutes", 0), longValue(where, p, "unitFen", 0),
                    integer(where, p, "graceMinutes", 0), longValue(where, p, "capFen", Period.NO_CAP)));
        }
        return list;
    }

    private static ClassTariff readDerived(String at, String key, JsonNode node, Map<String, ClassTariff> classes)
            throws TariffException {
        onlyFields(at, node, DERIVED_FIELDS);
        String base = text(at, node, "sameAs", null);
        ClassTariff of = classes.get(base);
        if (of == null) {
            throw new TariffException(at + ": 'sameAs' names '" + base + "', which is not a class with its own rules "
                    + "in this file");
        }
        JsonNode factorNode = node.get("factor");
        BigDecimal factor = factorNode == null ? BigDecimal.ONE : factorNode.decimalValue();
        if (factorNode != null && !factorNode.isNumber() || factor.signum() < 0) {
            throw new TariffException(at + ": 'factor' must be a number not below 0, not " + factorNode);
        }
        ClassTariff.Builder b = ClassTariff.builder(key).displayName(text(at, node, "displayName", key))
                .mode(of.mode()).freeMinutes(of.freeMinutes(), of.freeMinutesSurvive())
                .fillAcrossPeriods(of.fillAcrossPeriods()).capBasis(of.capBasis())
                .dailyCapsFen(of.dailyCapsFen().stream().map(f -> scale(f, factor)).toList())
                .stayCapFen(of.stayCapFen() == Period.NO_CAP ? Period.NO_CAP : scale(of.stayCapFen(), factor))
                .ladder(of.ladder().stream().map(s -> new LadderStep(s.upToMinutes(), scale(s.fen(), factor)))
                        .toList())
                .ladderCycleMinutes(of.ladderCycleMinutes()).perVisitFen(scale(of.perVisitFen(), factor))
                .perDayFen(scale(of.perDayFen(), factor));
        for (Map.Entry<CalendarKind, List<Period>> e : of.schedules().entrySet()) {
            b.schedule(e.getKey(), e.getValue().stream().map(p -> new Period(p.name(), p.start(), p.end(), p.free(),
                    p.firstMinutes(), scale(p.firstFen(), factor), p.unitMinutes(), scale(p.unitFen(), factor),
                    p.graceMinutes(), p.hasCap() ? scale(p.capFen(), factor) : Period.NO_CAP)).toList());
        }
        return b.build();
    }

    private static long scale(long fen, BigDecimal factor) {
        return BigDecimal.valueOf(fen).multiply(factor).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    // ---------------------------------------------------------------- field readers with located messages

    private static void onlyFields(String at, JsonNode node, Set<String> allowed) throws TariffException {
        if (!node.isObject()) {
            throw new TariffException(at + ": must be an object");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            if (!allowed.contains(name)) {
                throw new TariffException(at + ": unknown field '" + name + "' (allowed: "
                        + allowed.stream().sorted().toList() + ")");
            }
        }
    }

    private static String text(String at, JsonNode node, String field, String absent) throws TariffException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isTextual()) {
            throw new TariffException(at + ": '" + field + "' must be text, not " + v);
        }
        return v.asText();
    }

    private static boolean bool(String at, JsonNode node, String field, boolean absent) throws TariffException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isBoolean()) {
            throw new TariffException(at + ": '" + field + "' must be true or false, not " + v);
        }
        return v.asBoolean();
    }

    private static long longValue(String at, JsonNode node, String field, long absent) throws TariffException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new TariffException(at + ": '" + field + "' must be a whole number (money in fen), not " + v);
        }
        return v.asLong();
    }

    private static int integer(String at, JsonNode node, String field, int absent) throws TariffException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new TariffException(at + ": '" + field + "' must be a whole number, not " + v);
        }
        return v.asInt();
    }

    private static int requiredInt(String at, JsonNode node, String field) throws TariffException {
        if (!node.has(field)) {
            throw new TariffException(at + ": '" + field + "' is required");
        }
        return integer(at, node, field, 0);
    }

    private static long requiredLong(String at, JsonNode node, String field) throws TariffException {
        if (!node.has(field)) {
            throw new TariffException(at + ": '" + field + "' is required");
        }
        return longValue(at, node, field, 0);
    }

    private static LocalTime time(String at, JsonNode node, String field) throws TariffException {
        String text = text(at, node, field, null);
        if (text == null) {
            throw new TariffException(at + ": '" + field + "' is required (HH:mm)");
        }
        if (text.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new TariffException(at + ": '" + field + "' is '" + text + "', not a time of day HH:mm", e);
        }
    }

    private static <E extends Enum<E>> E enumValue(String at, JsonNode node, String field, Class<E> type, E absent)
            throws TariffException {
        String text = text(at, node, field, null);
        if (text == null) {
            return absent;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text.trim())) {
                return e;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name().toLowerCase());
        }
        throw new TariffException(at + ": '" + field + "' is '" + text + "', not one of " + allowed);
    }
}
