package com.boothdesk.app.ui.backoffice;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/** The back office's date pickers show and take yyyy-MM-dd (as Chinese forms write dates), whatever the JVM locale. */
public final class IsoDates {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

    private IsoDates() {
    }

    public static DatePicker of(DatePicker p) {
        p.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : ISO.format(d);
            }

            @Override
            public LocalDate fromString(String s) {
                if (s == null || s.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(s.trim(), ISO);
                } catch (DateTimeParseException e) {
                    return p.getValue(); // a half-typed date keeps the last good one
                }
            }
        });
        p.setPromptText("yyyy-MM-dd");
        return p;
    }
}
