package com.boothdesk.app.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import com.boothdesk.app.settings.FieldException;

/** Operator-facing text: Chinese first (messages_zh_CN), English in messages_en. */
public final class Messages {

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("com.boothdesk.app.i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key + (args.length == 0 ? "" : " " + List.of(args));
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public String get(String key, List<Object> args) {
        return get(key, args.toArray());
    }

    /** A back-office field's name in this language ({@code bo.field.<field>}), the raw name when it has none. */
    public String field(String field) {
        return bundle.containsKey("bo.field." + field) ? bundle.getString("bo.field." + field) : field;
    }

    /** A refusal's reason in this language ({@code bo.reason.<key>}). */
    public String reason(String key, List<String> args) {
        return get("bo.reason." + key, args.toArray());
    }

    /** "field is wrong: reason", both in this language. */
    public String refused(FieldException e) {
        return get("bo.lists.refused", field(e.field()), reason(e.key(), e.args()));
    }

    /**
     * A tariff the validator refused, in this language: where (class, calendar day) and why, naming the wrong period
     * ({@code tariff.invalid.<key>}); a tariff that cannot be read at all says so with the reader's (English) detail.
     */
    public String tariff(com.boothdesk.app.domain.fee.TariffException e) {
        if (e.key().isEmpty()) {
            return get("tariff.unreadable", String.valueOf(e.getMessage()));
        }
        String why = get("tariff.invalid." + e.key().get(), e.args().toArray());
        if (e.vehicleClass() == null) {
            return why;
        }
        String where = e.day() == null ? get("tariff.where.class", e.vehicleClass())
                : get("tariff.where.day", e.vehicleClass(), get("tariff.day." + e.day().name()));
        return get("tariff.problem", where, why);
    }

    public Locale locale() {
        return locale;
    }
}
