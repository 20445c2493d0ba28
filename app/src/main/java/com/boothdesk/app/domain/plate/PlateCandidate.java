package com.boothdesk.app.domain.plate;

/**
 * An in-lot plate that may be the car at the exit.
 *
 * @param plate the in-lot plate exactly as stored (not normalised)
 * @param score 100 for an exact match; 1..99 for a fuzzy one (higher is closer)
 * @param exact the same plate (after normalising case, spaces and separators); only an exact match may be billed
 *              without the attendant's pick
 * @param why   Chinese, what differs, e.g. "省份不同(苏→鄂); 第5位 0↔D 易混"
 */
public record PlateCandidate(String plate, int score, boolean exact, String why) {
}
