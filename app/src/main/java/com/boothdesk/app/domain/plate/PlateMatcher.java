package com.boothdesk.app.domain.plate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the in-lot plate that a plate read at the exit belongs to: exact first; only when there is no exact
 * match, fuzzy candidates (N of 7 characters, confusable pairs such as 0/D/Q, 8/B, 2/Z, province ignored, one
 * missing or extra character for new-energy plates), best first. Immutable and thread-safe.
 */
public final class PlateMatcher {

    private static final Logger LOG = LoggerFactory.getLogger(PlateMatcher.class);

    private static final int SAME = 10;
    private static final int PROVINCE = 9;
    private static final int CONFUSABLE = 7;

    private static final Comparator<PlateCandidate> BEST_FIRST = Comparator.comparingInt(PlateCandidate::score)
            .reversed().thenComparing(PlateCandidate::plate);

    private final MatchSettings settings;
    /** Confusable group id per character (ASCII only), 0 = none. */
    private final int[] group = new int[128];

    public PlateMatcher(MatchSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        int id = 1;
        for (String g : settings.confusableGroups()) {
            for (char ch : normalize(g).toCharArray()) {
                if (ch < 128) {
                    group[ch] = id;
                }
            }
            id++;
        }
    }

    public MatchSettings settings() {
        return settings;
    }

    /**
     * Candidates for {@code readPlate} among {@code inLotPlates}, best first: the exact matches alone when there
     * are any, otherwise the fuzzy ones the settings allow (at most {@code maxCandidates}). Empty when the read is
     * blank or nothing is close enough. Blank or null in-lot plates are skipped.
     */
    public List<PlateCandidate> rank(String readPlate, Collection<String> inLotPlates) {
        String read = normalize(readPlate);
        if (read.isEmpty()) {
            LOG.warn("Plate match asked for an empty plate read ('{}'); no candidates", readPlate);
            return List.of();
        }
        if (inLotPlates == null || inLotPlates.isEmpty()) {
            return List.of();
        }
        Collection<String> pool = inLotPlates instanceof IndexedPlates index ? index.near(read, settings) : inLotPlates;
        List<PlateCandidate> exact = new ArrayList<>(1);
        List<PlateCandidate> fuzzy = new ArrayList<>();
        for (String stored : pool) {
            if (stored == null) {
                continue;
            }
            String plate = normalize(stored);
            if (plate.isEmpty()) {
                continue;
            }
            if (plate.equals(read)) {
                exact.add(new PlateCandidate(stored, 100, true, "完全一致"));
            } else if (exact.isEmpty()) {
                PlateCandidate c = compare(read, plate, stored);
                if (c != null) {
                    fuzzy.add(c);
                }
            }
        }
        List<PlateCandidate> result = exact.isEmpty() ? fuzzy : exact;
        result.sort(BEST_FIRST);
        if (result.size() > settings.maxCandidates()) {
            result = result.subList(0, settings.maxCandidates());
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("Plate {} against {} of {} in-lot plates: {}", read, pool.size(), inLotPlates.size(), result);
        }
        return List.copyOf(result);
    }

    /**
     * Upper case, half-width, without spaces and separators ("苏a·12345 " → "苏A12345"). Null gives "".
     */
    public static String normalize(String plate) {
        if (plate == null) {
            return "";
        }
        if (isNormal(plate)) {
            return plate;
        }
        StringBuilder out = new StringBuilder(plate.length());
        for (int i = 0; i < plate.length(); i++) {
            char ch = plate.charAt(i);
            if (ch >= '\uFF01' && ch <= '\uFF5E') {
                ch = (char) (ch - 0xFEE0);
            }
            if (Character.isWhitespace(ch) || ch == '·' || ch == '•' || ch == '-' || ch == '.' || ch == '\u3000'
                    || ch == '_') {
                continue;
            }
            out.append(Character.toUpperCase(ch));
        }
        return out.toString();
    }

    /** Most stored plates are already clean: skip the copy (the 10,000-car scan runs on every exit read). */
    private static boolean isNormal(String plate) {
        for (int i = 0; i < plate.length(); i++) {
            char ch = plate.charAt(i);
            if (ch <= ' ' || (ch >= 'a' && ch <= 'z') || ch == '·' || ch == '•' || ch == '-' || ch == '.'
                    || ch == '_' || ch == '\u3000' || (ch >= '\uFF01' && ch <= '\uFF5E') || Character.isWhitespace(ch)
                    || (ch > 127 && Character.isLowerCase(ch))) {
                return false;
            }
        }
        return true;
    }

    /** Cheap rejection before any text is built: more hard differences than allowed at equal length. */
    private boolean tooDifferent(String read, String plate, int allowed) {
        int differences = 0;
        for (int i = 0; i < read.length(); i++) {
            char r = read.charAt(i);
            char p = plate.charAt(i);
            if (r == p || (i == 0 && settings.ignoreProvince())
                    || (r < 128 && p < 128 && group[r] != 0 && group[r] == group[p])) {
                continue;
            }
            if (++differences > allowed) {
                return true;
            }
        }
        return false;
    }

    private PlateCandidate compare(String read, String plate, String stored) {
        int allowed = 7 - settings.minMatching();
        int diff = plate.length() - read.length();
        if (diff == 0) {
            return tooDifferent(read, plate, allowed) ? null : aligned(read, plate, stored, -1, allowed, true);
        }
        if (Math.abs(diff) != 1 || allowed < 1) {
            return null;
        }
        String longer = diff > 0 ? plate : read;
        int bestSkip = -1;
        int bestScore = 0;
        for (int skip = 0; skip < longer.length(); skip++) {
            PlateCandidate c = aligned(read, plate, stored, skip, allowed, false);
            if (c != null && c.score() > bestScore) {
                bestScore = c.score();
                bestSkip = skip;
            }
        }
        return bestSkip < 0 ? null : aligned(read, plate, stored, bestSkip, allowed, true);
    }

    /**
     * Position-by-position comparison; when the lengths differ by one, the longer plate's character at
     * {@code skip} is the extra one (one difference). The reason text is only built when {@code describe}.
     */
    private PlateCandidate aligned(String read, String plate, String stored, int skip, int allowed,
                                   boolean describe) {
        boolean readLonger = read.length() > plate.length();
        int positions = Math.max(read.length(), plate.length());
        int differences = skip >= 0 ? 1 : 0;
        if (differences > allowed) {
            return null;
        }
        int points = 0;
        StringBuilder why = describe ? new StringBuilder() : null;
        if (skip >= 0 && describe) {
            char extra = readLonger ? read.charAt(skip) : plate.charAt(skip);
            why.append(readLonger ? "识别多出" : "识别缺少").append("第").append(skip + 1).append("位 ").append(extra);
        }
        int ri = 0;
        int pi = 0;
        for (int pos = 0; pos < positions; pos++) {
            if (pos == skip) {
                if (readLonger) {
                    ri++;
                } else {
                    pi++;
                }
                continue;
            }
            char r = read.charAt(ri++);
            char p = plate.charAt(pi++);
            if (r == p) {
                points += SAME;
            } else if (pos == 0 && settings.ignoreProvince()) {
                points += PROVINCE;
                if (describe) {
                    separate(why).append("省份不同(").append(r).append("→").append(p).append(')');
                }
            } else if (r < 128 && p < 128 && group[r] != 0 && group[r] == group[p]) {
                points += CONFUSABLE;
                if (describe) {
                    separate(why).append("第").append(pos + 1).append("位 ").append(r).append("↔").append(p)
                            .append(" 易混");
                }
            } else {
                if (++differences > allowed) {
                    return null;
                }
                if (describe) {
                    separate(why).append("第").append(pos + 1).append("位 ").append(r).append("≠").append(p);
                }
            }
        }
        int score = Math.min(99, Math.max(1, Math.round(100f * points / (SAME * positions))));
        return new PlateCandidate(stored, score, false, describe ? why.toString() : "");
    }

    private static StringBuilder separate(StringBuilder why) {
        return why.isEmpty() ? why : why.append("; ");
    }
}
