package com.boothdesk.app.domain.lists;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** How the lists compare plates: trimmed, upper case, inner blanks removed. */
public final class Plates {

    private Plates() {
    }

    /** "  京a 12345 " → "京A12345"; null → "". */
    public static String normalise(String plate) {
        if (plate == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(plate.length());
        for (int i = 0; i < plate.length(); i++) {
            char ch = plate.charAt(i);
            if (!Character.isWhitespace(ch) && ch != '\u3000') {
                out.append(ch);
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /** "京A1,京B2, ,京a1" → [京A1, 京B2]: normalised, blanks and duplicates dropped, order kept. */
    public static List<String> split(String commaSeparated) {
        Set<String> out = new LinkedHashSet<>();
        if (commaSeparated != null) {
            for (String p : commaSeparated.split("[,，;；]")) {
                String n = normalise(p);
                if (!n.isEmpty()) {
                    out.add(n);
                }
            }
        }
        return new ArrayList<>(out);
    }
}
