package com.boothdesk.app.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.boothdesk.app.common.Observable;
import com.boothdesk.app.settings.FieldException;

/**
 * Operator-facing text: Chinese first (messages_zh_CN), English in messages_en. The language can be switched while
 * the booth runs ({@link #switchTo}): every later {@link #get} answers in the new language and {@link #language()}
 * tells the screens, which render their texts again (no restart, no window rebuilt).
 */
public final class Messages {

    /**
     * A key hint inside a text: {@code [key:confirm]} stands for " (F3)", the key of that action for the lane the text
     * is on (see {@link #withKeys}); texts are written without hard-coded keys, the keymap decides.
     */
    static final Pattern KEY_HINT = Pattern.compile("\\[key:([a-z_0-9]+)]");

    private record Bundle(ResourceBundle bundle, Locale locale) {
    }

    private volatile Bundle current;
    private final Observable<Locale> language;

    public Messages(Locale locale) {
        this.current = load(locale);
        this.language = new Observable<>(current.locale());
    }

    private static Bundle load(Locale locale) {
        return new Bundle(ResourceBundle.getBundle("com.boothdesk.app.i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)), locale);
    }

    /**
     * Switches to {@code locale} (English for any {@code en}, else zh_CN) and tells the followers of
     * {@link #language()} on the calling thread; nothing happens when it is the language already.
     */
    public void switchTo(Locale locale) {
        Locale target = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        if (target.equals(current.locale())) {
            return;
        }
        current = load(target);
        language.set(target);
    }

    /** The language now; a switch is published here (listeners run on the switching thread). */
    public Observable<Locale> language() {
        return language;
    }

    public String get(String key, Object... args) {
        Bundle b = current;
        String pattern;
        try {
            pattern = b.bundle().getString(key);
        } catch (MissingResourceException e) {
            return key + (args.length == 0 ? "" : " " + List.of(args));
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, b.locale()).format(args);
    }

    public String get(String key, List<Object> args) {
        return get(key, args.toArray());
    }

    /**
     * Fills a text's key hints ({@code [key:confirm]}): {@code keys} gives the keys to press for the action on this
     * text's lane ("F3", or "F12 → F3" when another lane is selected), shown as " (F3)"; an action without a key
     * (or a null {@code keys}) leaves no hint.
     */
    public static String withKeys(String text, Function<String, String> keys) {
        if (text == null || text.indexOf("[key:") < 0) {
            return text;
        }
        Matcher m = KEY_HINT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String k = keys == null ? "" : keys.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(k == null || k.isEmpty() ? "" : " (" + k + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A back-office field's name in this language ({@code bo.field.<field>}), the raw name when it has none. */
    public String field(String field) {
        ResourceBundle b = current.bundle();
        return b.containsKey("bo.field." + field) ? b.getString("bo.field." + field) : field;
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
        return current.locale();
    }
}
