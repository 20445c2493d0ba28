package com.boothdesk.app.domain.plate;

import java.util.List;

/**
 * How forgiving the exit match is.
 *
 * @param minMatching      of the 7 characters of a plate, at least this many must agree (identical, confusable, or
 *                         the ignored province) for a fuzzy candidate; 7 = exact only. 8-character new-energy
 *                         plates get the same number of allowed differences (7 - minMatching); a missing or extra
 *                         character counts as one difference
 * @param ignoreProvince   the first character (province) never counts as a difference
 * @param confusableGroups characters OCR mixes up, each group a string, e.g. "0DQ", "8B", "2Z"
 * @param maxCandidates    at most this many candidates, best first
 */
public record MatchSettings(int minMatching, boolean ignoreProvince, List<String> confusableGroups,
                           int maxCandidates) {

    /** The confusable groups named in the issue plus the other usual OCR pairs. */
    public static final List<String> DEFAULT_CONFUSABLES = List.of("0DQ", "8B", "2Z", "1I", "5S", "6G");

    public MatchSettings {
        if (minMatching < 1 || minMatching > 7) {
            throw new IllegalArgumentException("minMatching must be 1..7, not " + minMatching);
        }
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("maxCandidates must be at least 1, not " + maxCandidates);
        }
        confusableGroups = List.copyOf(confusableGroups);
    }

    /** 6 of 7, province ignored, the default confusables, 10 candidates. */
    public static MatchSettings defaults() {
        return new MatchSettings(6, true, DEFAULT_CONFUSABLES, 10);
    }

    public MatchSettings withMinMatching(int n) {
        return new MatchSettings(n, ignoreProvince, confusableGroups, maxCandidates);
    }

    public MatchSettings withIgnoreProvince(boolean ignore) {
        return new MatchSettings(minMatching, ignore, confusableGroups, maxCandidates);
    }

    public MatchSettings withConfusableGroups(List<String> groups) {
        return new MatchSettings(minMatching, ignoreProvince, groups, maxCandidates);
    }

    public MatchSettings withMaxCandidates(int max) {
        return new MatchSettings(minMatching, ignoreProvince, confusableGroups, max);
    }
}
