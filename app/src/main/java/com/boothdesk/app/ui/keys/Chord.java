package com.boothdesk.app.ui.keys;

import java.util.Locale;

/**
 * A key with its modifiers, independent of JavaFX: {@code key} is the JavaFX {@code KeyCode} constant name
 * ({@code F1}, {@code DIGIT1}, {@code NUMPAD1}, {@code A}). Written in keymap.properties as e.g. {@code Ctrl+F1}.
 */
public record Chord(String key, boolean ctrl, boolean alt, boolean shift) {

    public Chord {
        key = key.trim().toUpperCase(Locale.ROOT);
        if (!key.matches("[A-Z0-9_]{1,20}")) {
            throw new IllegalArgumentException("not a key name: '" + key + "'");
        }
    }

    public static Chord of(String key) {
        return new Chord(key, false, false, false);
    }

    /** Parses {@code Ctrl+Shift+F1}, {@code F6}, {@code DIGIT1} (case-insensitive). */
    public static Chord parse(String text) {
        String[] parts = text.trim().split("\\s*\\+\\s*");
        boolean ctrl = false;
        boolean alt = false;
        boolean shift = false;
        for (int i = 0; i < parts.length - 1; i++) {
            switch (parts[i].toLowerCase(Locale.ROOT)) {
                case "ctrl", "control" -> ctrl = true;
                case "alt" -> alt = true;
                case "shift" -> shift = true;
                default -> throw new IllegalArgumentException("unknown modifier '" + parts[i] + "' in '" + text + "'");
            }
        }
        return new Chord(parts[parts.length - 1], ctrl, alt, shift);
    }

    /** A key that types a character in a text field (digits, letters): bare, it belongs to the field. */
    public boolean printable() {
        return key.matches("DIGIT[0-9]|NUMPAD[0-9]|[A-Z]");
    }

    public Chord withoutCtrl() {
        return new Chord(key, false, alt, shift);
    }

    /** As the attendant reads it on a button: {@code F1}, {@code 1}, {@code Ctrl+1}. */
    public String display() {
        String k = key.startsWith("DIGIT") ? key.substring(5) : key.startsWith("NUMPAD") ? "小键盘" + key.substring(6) : key;
        return (ctrl ? "Ctrl+" : "") + (alt ? "Alt+" : "") + (shift ? "Shift+" : "") + k;
    }
}
