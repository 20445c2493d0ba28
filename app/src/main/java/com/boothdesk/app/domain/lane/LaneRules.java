package com.boothdesk.app.domain.lane;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.plate.MatchSettings;

/**
 * The operator switches of the decision ladders (what Donglu calls 系统设置): each is a configuration key.
 *
 * @param minConfidence          a read below this confidence (0-100) is shown to the attendant, not acted on
 * @param confirmEntry           kinds whose entry the attendant must confirm (e.g. TEMPORARY at a private lot)
 * @param confirmExit            kinds whose free exit the attendant must confirm (e.g. MONTHLY)
 * @param admitWhenFull          kinds still let in when no space is left (MONTHLY, WHITE by default)
 * @param refuseBlacklisted      true: a blacklisted car is refused; false: the attendant decides
 * @param monthlyReminderDays    remind the driver this many days before a monthly card expires
 * @param noRecordFeeFen         what an exit with no entry record is charged (with a mandatory reason)
 * @param prepaidGraceMinutes    after paying in the lot, the car has this long to leave without paying more
 * @param freeReasons            reasons the attendant picks from for a free release
 * @param match                  fuzzy plate matching at the exit
 * @param offlineMaxDays         an offline re-push read more than this many days before the booth's start goes to
 *                               the attendant
 * @param offlineSkewSeconds     an offline re-push read more than this far in the future goes to the attendant
 */
public record LaneRules(int minConfidence, Set<CarKind> confirmEntry, Set<CarKind> confirmExit,
                        Set<CarKind> admitWhenFull, boolean refuseBlacklisted, int monthlyReminderDays,
                        long noRecordFeeFen, int prepaidGraceMinutes, List<String> freeReasons, MatchSettings match,
                        int offlineMaxDays, int offlineSkewSeconds) {

    /** With offline re-pushes accepted from up to 7 days before the start and 5 minutes ahead. */
    public LaneRules(int minConfidence, Set<CarKind> confirmEntry, Set<CarKind> confirmExit,
                     Set<CarKind> admitWhenFull, boolean refuseBlacklisted, int monthlyReminderDays,
                     long noRecordFeeFen, int prepaidGraceMinutes, List<String> freeReasons, MatchSettings match) {
        this(minConfidence, confirmEntry, confirmExit, admitWhenFull, refuseBlacklisted, monthlyReminderDays,
                noRecordFeeFen, prepaidGraceMinutes, freeReasons, match, 7, 300);
    }

    /** These rules with another offline re-push window. */
    public LaneRules withOfflineWindow(int maxDays, int skewSeconds) {
        return new LaneRules(minConfidence, confirmEntry, confirmExit, admitWhenFull, refuseBlacklisted,
                monthlyReminderDays, noRecordFeeFen, prepaidGraceMinutes, freeReasons, match, maxDays, skewSeconds);
    }

    public LaneRules {
        confirmEntry = Set.copyOf(confirmEntry);
        confirmExit = Set.copyOf(confirmExit);
        admitWhenFull = Set.copyOf(admitWhenFull);
        freeReasons = List.copyOf(freeReasons);
        Objects.requireNonNull(match, "match");
        if (minConfidence < 0 || minConfidence > 100) {
            throw new IllegalArgumentException("minConfidence must be 0..100, got " + minConfidence);
        }
        if (noRecordFeeFen < 0 || monthlyReminderDays < 0 || prepaidGraceMinutes < 0 || offlineMaxDays < 0
                || offlineSkewSeconds < 0) {
            throw new IllegalArgumentException("rules must not be negative");
        }
    }

    public static LaneRules defaults() {
        return new LaneRules(0, Set.of(), Set.of(), Set.of(CarKind.MONTHLY, CarKind.WHITE), true, 7, 1000, 15,
                List.of("救护/消防/警务车辆", "内部公务", "设备故障", "领导批准", "其他"), MatchSettings.defaults());
    }
}
