package com.boothdesk.app.domain.plate;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Chinese plate grammar, the first check on every read from a camera or the cloud: a province abbreviation, the
 * issuing letter, then 5 characters (ordinary, 7 in all) or 6 (new-energy, 8 in all), or 4 characters and a
 * special suffix (警 police, 学 driving school, 挂 trailer, 港/澳 cross-border, 领 consulate), or the embassy form
 * 使 + 6 digits. The no-plate forms cameras report (empty, {@code _无_}, 无, 无牌车, 无车牌 ...) are a car without a
 * plate. Anything else is {@link Kind#INVALID}: it goes to the attendant with the raw read shown safely, never to
 * the barrier or the cloud.
 */
public final class PlateGrammar {

    /** The 31 province-level abbreviations. */
    public static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    /** The special suffixes after 4 characters. */
    public static final String SUFFIXES = "警学挂港澳领";

    private static final Pattern ORDINARY = Pattern.compile("[" + PROVINCES + "][A-Z][A-Z0-9]{5,6}");
    private static final Pattern SPECIAL = Pattern.compile("[" + PROVINCES + "][A-Z][A-Z0-9]{4}[" + SUFFIXES + "]");
    private static final Pattern EMBASSY = Pattern.compile("使[0-9]{6}");
    private static final Set<String> NO_PLATE = Set.of("", "无", "无牌", "无牌车", "无车牌", "未识别", "NONE",
            "NOPLATE", "UNKNOWN");
    /** The longest raw read even looked at (a plate is at most 8; normalising 2 MB is pointless). */
    private static final int MAX_LOOKED_AT = 32;

    public enum Kind {
        /** A plate of the grammar. */
        PLATE,
        /** The camera saw a car but no plate. */
        NO_PLATE,
        /** Not a plate: shown to the attendant, acted on by nobody. */
        INVALID
    }

    /**
     * One read, checked.
     *
     * @param plate the normalised plate for {@link Kind#PLATE}; empty otherwise
     * @param shown the raw read escaped and cut, for the log and the attendant's screen
     */
    public record Checked(Kind kind, String plate, String shown) {
        public boolean isPlate() {
            return kind == Kind.PLATE;
        }
    }

    private PlateGrammar() {
    }

    public static Checked check(String raw) {
        String shown = SafeText.plate(raw);
        if (raw == null) {
            return new Checked(Kind.NO_PLATE, "", "");
        }
        if (raw.length() > MAX_LOOKED_AT) {
            return new Checked(Kind.INVALID, "", shown);
        }
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (ch != ' ' && SafeText.unsafe(ch)) {
                // a control, format or broken character is never part of a plate (and a stripped newline must
                // not turn "京A1234\n5" into a plate)
                return new Checked(Kind.INVALID, "", shown);
            }
        }
        String p = PlateMatcher.normalize(raw);
        if (NO_PLATE.contains(p)) {
            return new Checked(Kind.NO_PLATE, "", shown);
        }
        if (ORDINARY.matcher(p).matches() || SPECIAL.matcher(p).matches() || EMBASSY.matcher(p).matches()) {
            return new Checked(Kind.PLATE, p, shown);
        }
        return new Checked(Kind.INVALID, "", shown);
    }

    /** True when {@code raw} is one of the no-plate forms. */
    public static boolean isNoPlate(String raw) {
        return check(raw).kind() == Kind.NO_PLATE;
    }

    /** True when {@code plate} follows the grammar. */
    public static boolean isPlate(String plate) {
        return check(plate).isPlate();
    }
}
