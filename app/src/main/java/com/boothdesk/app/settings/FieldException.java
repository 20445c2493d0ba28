package com.boothdesk.app.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.boothdesk.app.domain.plate.SafeText;

/**
 * A value the back office refuses, naming the field (an import's column, a form's input) and why. The reason is a
 * key, not text: the screen shows it in the operator's language ({@code bo.reason.<key>} with {@link #args()}, the
 * field as {@code bo.field.<field>}), so a language switch switches it too. The message (for logs) is the field,
 * the key and the arguments, each cut to a safe length.
 */
public final class FieldException extends IllegalArgumentException {

    private final String field;
    private final String key;
    private final List<String> args;

    /**
     * @param field the field's name as the forms and imports use it
     * @param key   the reason, {@code bo.reason.<key>} in the message bundles
     * @param args  the reason's arguments (each cut to 200 characters and escaped, {@link SafeText})
     */
    public FieldException(String field, String key, Object... args) {
        super(field + ": " + key + (args.length == 0 ? "" : " " + cut(args)));
        this.field = field;
        this.key = key;
        this.args = cut(args);
    }

    private static List<String> cut(Object... args) {
        List<String> out = new ArrayList<>();
        for (Object a : args) {
            out.add(SafeText.of(String.valueOf(a), 200));
        }
        return Collections.unmodifiableList(out);
    }

    /** The field, as the form and the import name it. */
    public String field() {
        return field;
    }

    /** The reason's key: {@code bo.reason.<key>} in the operator's bundles. */
    public String key() {
        return key;
    }

    /** The reason's arguments, as text (so that MessageFormat does not group or localise numbers). */
    public List<String> args() {
        return args;
    }

    /** Why, without the field's name, in English (logs). */
    public String reason() {
        return key + (args.isEmpty() ? "" : " " + args);
    }
}
