package com.boothdesk.app.settings;

/** A value the back office refuses, naming the field (an import's column, a form's input) and why. */
public final class FieldException extends IllegalArgumentException {

    private final String field;

    public FieldException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The field, as the form and the import name it. */
    public String field() {
        return field;
    }

    /** Why, without the field's name. */
    public String reason() {
        String m = getMessage();
        return m.substring(Math.min(m.length(), field.length() + 2));
    }
}
