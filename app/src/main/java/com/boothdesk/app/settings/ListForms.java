package com.boothdesk.app.settings;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.cloud.sync.ListAdmin;
import com.boothdesk.app.domain.lists.BlacklistEntry;
import com.boothdesk.app.domain.lists.MonthMember;
import com.boothdesk.app.domain.lists.MonthRenewal;
import com.boothdesk.app.domain.lists.MonthlyCard;
import com.boothdesk.app.domain.lists.StoredValueAccount;
import com.boothdesk.app.domain.lists.WhiteListEntry;
import com.boothdesk.app.domain.plate.PlateGrammar;
import com.boothdesk.app.domain.plate.PlateMatcher;
import com.boothdesk.app.domain.plate.SafeText;
import com.boothdesk.app.store.history.JdbcListReads.Kind;

/**
 * The list editors' fields turned into list changes: every value is checked and a wrong one is refused by its
 * field's name ({@link FieldException}); then the change goes through {@link ListAdmin}, which writes the row and
 * its documented upload (2.10 month members, 2.13 renewals, 2.15 blacklist, 2.25 stored-value cards, 2.26 top-ups,
 * 2.35 internal cars) in one transaction. The same fields are the columns of a CSV / Excel import.
 *
 * <p>Visitors, locked cars and coupons come from the cloud (3.x downlinks): the booth shows them and does not
 * change them ({@link #editable}).
 */
public final class ListForms {

    private static final Logger LOG = LoggerFactory.getLogger(ListForms.class);

    /** The fields each editable list takes, in the order of the form and of an import's columns. */
    public static final Map<Kind, List<String>> FIELDS = Map.of(
            Kind.MONTHLY, List.of("card_id", "plates", "owner", "valid_from", "valid_to", "spaces", "package_id",
                    "tel", "price", "remark"),
            Kind.WHITE, List.of("plate", "name", "valid_from", "valid_to", "remark"),
            Kind.BLACKLIST, List.of("plate", "reason", "valid_from", "valid_to", "window_start", "window_end",
                    "weekdays"),
            Kind.STORED_VALUE, List.of("card_id", "plates", "name", "mobile", "remark"));

    private final ListAdmin admin;

    public ListForms(ListAdmin admin) {
        this.admin = Objects.requireNonNull(admin, "admin");
    }

    /** Whether the booth may change this list (the others come from the cloud). */
    public static boolean editable(Kind kind) {
        return FIELDS.containsKey(kind);
    }

    /**
     * Adds or changes one row of {@code kind} from its fields; returns the row's key.
     *
     * @param who the supervisor making the change (the blacklist's operator)
     * @throws FieldException naming the first wrong field
     */
    public String save(Kind kind, Map<String, String> f, String who) {
        String key = switch (kind) {
            case MONTHLY -> {
                LocalDate from = date(f, "valid_from", true);
                LocalDate to = date(f, "valid_to", true);
                if (to.isBefore(from)) {
                    throw new FieldException("valid_to", "ends_before_start", to, from);
                }
                String id = text(f, "card_id", 48, true);
                MonthlyCard card = new MonthlyCard(id, plates(f, "plates"), text(f, "owner", 48, false), from, to,
                        integer(f, "spaces", 1, 99, 1), "", Set.of());
                long price = fen(f, "price");
                admin.saveMonthMember(new MonthMember(card, text(f, "package_id", 24, false), text(f, "tel", 32, false),
                        "", text(f, "remark", 96, false), price, price, 1));
                yield id;
            }
            case WHITE -> {
                LocalDate from = date(f, "valid_from", true);
                LocalDate to = date(f, "valid_to", true);
                if (to.isBefore(from)) {
                    throw new FieldException("valid_to", "ends_before_start", to, from);
                }
                String plate = plate(f, "plate");
                admin.saveInternalCar(new WhiteListEntry(plate, text(f, "name", 48, false), from, to,
                        text(f, "remark", 128, false)), "");
                yield plate;
            }
            case BLACKLIST -> {
                LocalDateTime from = dateTime(f, "valid_from");
                LocalDateTime to = dateTime(f, "valid_to");
                if (from != null && to != null && to.isBefore(from)) {
                    throw new FieldException("valid_to", "ends_before_start", to, from);
                }
                LocalTime ws = time(f, "window_start");
                LocalTime we = time(f, "window_end");
                if ((ws == null) != (we == null)) {
                    throw new FieldException(ws == null ? "window_start" : "window_end",
                            "window_both");
                }
                BlacklistEntry saved = admin.saveBlacklist(new BlacklistEntry(plate(f, "plate"),
                        text(f, "reason", 96, false), text(f, "black_id", 48, false), from, to, ws, we,
                        weekdays(f, "weekdays")), who);
                yield saved.blackId();
            }
            case STORED_VALUE -> {
                String id = text(f, "card_id", 48, true);
                admin.saveStoredValueCard(new StoredValueAccount(id, plates(f, "plates"), text(f, "name", 48, false),
                        text(f, "mobile", 32, false), 0, "", text(f, "remark", 96, false)));
                yield id;
            }
            default -> throw new FieldException("kind", "from_cloud", kind);
        };
        LOG.info("Back office: {} {} saved by {}", kind, SafeText.of(key, 48), SafeText.of(who, 24));
        return key;
    }

    /** Deletes one row (and uploads the delete); false when it was not there. */
    public boolean delete(Kind kind, String key, String who) {
        boolean done = switch (kind) {
            case MONTHLY -> admin.deleteMonthMember(key);
            case WHITE -> admin.deleteInternalCar(key);
            case BLACKLIST -> admin.deleteBlacklist(key, who);
            case STORED_VALUE -> admin.deleteStoredValueCard(key);
            default -> throw new FieldException("kind", "from_cloud", kind);
        };
        LOG.info("Back office: {} {} deleted by {}: {}", kind, SafeText.of(key, 48), SafeText.of(who, 24), done);
        return done;
    }

    /**
     * Renews a monthly card until {@code validTo} with the money taken now (the renewal and its 2.13 upload in one
     * transaction; the cash is the attendant's, in the shift).
     */
    public MonthRenewal renew(String cardId, String validTo, String paidYuan, String payType, int months,
                              String who) {
        LocalDate to = date(Map.of("valid_to", validTo == null ? "" : validTo), "valid_to", true);
        long paid = fen(Map.of("paid", paidYuan == null ? "" : paidYuan), "paid");
        if (months < 0 || months > 120) {
            throw new FieldException("months", "range", 0, 120, months);
        }
        return admin.renewMonthCard(cardId, to, paid, paid, payType == null || payType.isBlank() ? "cash" : payType,
                who, months, "");
    }

    /** Tops a stored-value card up by {@code yuan} (2.26). */
    public void topUp(String cardId, String yuan, String payType) {
        long fen = fen(Map.of("amount", yuan == null ? "" : yuan), "amount");
        if (fen <= 0) {
            throw new FieldException("amount", "positive");
        }
        admin.topUp(cardId, fen, fen, payType == null || payType.isBlank() ? "cash" : payType);
    }

    // ---- field parsing ------------------------------------------------------------------------------------------

    static String text(Map<String, String> f, String field, int max, boolean required) {
        String v = f.getOrDefault(field, "");
        v = v == null ? "" : v.trim();
        if (required && v.isEmpty()) {
            throw new FieldException(field, "required");
        }
        if (v.length() > max) {
            throw new FieldException(field, "too_long", max);
        }
        for (int i = 0; i < v.length(); i++) {
            if (Character.isISOControl(v.charAt(i))) {
                throw new FieldException(field, "control_char");
            }
        }
        return v;
    }

    static String plate(Map<String, String> f, String field) {
        String p = PlateMatcher.normalize(text(f, field, 16, true));
        if (!PlateGrammar.isPlate(p)) {
            throw new FieldException(field, "not_plate", SafeText.plate(p));
        }
        return p;
    }

    static List<String> plates(Map<String, String> f, String field) {
        String raw = text(f, field, 255, true);
        List<String> out = new ArrayList<>();
        for (String part : raw.split("[,;，；\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            String p = PlateMatcher.normalize(part);
            if (!PlateGrammar.isPlate(p)) {
                throw new FieldException(field, "not_plate", SafeText.plate(p));
            }
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        if (out.isEmpty()) {
            throw new FieldException(field, "required");
        }
        return out;
    }

    static LocalDate date(Map<String, String> f, String field, boolean required) {
        String v = text(f, field, 10, required);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v.replace('/', '-'));
        } catch (DateTimeParseException e) {
            throw new FieldException(field, "not_date", v);
        }
    }

    static LocalDateTime dateTime(Map<String, String> f, String field) {
        String v = text(f, field, 19, false);
        if (v.isEmpty()) {
            return null;
        }
        String s = v.replace('/', '-');
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay();
            }
            return LocalDateTime.parse(s.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new FieldException(field, "not_datetime", v);
        }
    }

    static LocalTime time(Map<String, String> f, String field) {
        String v = text(f, field, 8, false);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalTime.parse(v.length() == 4 ? "0" + v : v);
        } catch (DateTimeParseException e) {
            throw new FieldException(field, "not_time", v);
        }
    }

    static Set<DayOfWeek> weekdays(Map<String, String> f, String field) {
        String v = text(f, field, 32, false);
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String part : v.split("[,;，\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                int d = Integer.parseInt(part.trim());
                if (d < 1 || d > 7) {
                    throw new NumberFormatException();
                }
                out.add(DayOfWeek.of(d));
            } catch (NumberFormatException e) {
                throw new FieldException(field, "not_weekday", part);
            }
        }
        return new LinkedHashSet<>(out);
    }

    static int integer(Map<String, String> f, String field, int min, int max, int dflt) {
        String v = text(f, field, 9, false);
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new FieldException(field, "range", min, max, n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new FieldException(field, "not_whole", v);
        }
    }

    /** Yuan as typed ("120", "120.5", "120.50") to fen; more than two decimals or a negative amount is refused. */
    static long fen(Map<String, String> f, String field) {
        String v = text(f, field, 14, false);
        if (v.isEmpty()) {
            return 0;
        }
        try {
            BigDecimal y = new BigDecimal(v.replace("元", "").replace("¥", "").trim());
            if (y.signum() < 0) {
                throw new FieldException(field, "negative");
            }
            if (y.scale() > 2 && y.stripTrailingZeros().scale() > 2) {
                throw new FieldException(field, "too_many_decimals", v);
            }
            return y.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new FieldException(field, "not_yuan", v);
        }
    }

    /** The field name as typed in an import's header (case and spaces ignored). */
    static String fieldName(String header) {
        return header == null ? "" : header.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
    }
}
