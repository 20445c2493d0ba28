package com.boothdesk.app.domain.lane;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.ToIntFunction;

import com.boothdesk.app.domain.lists.MonthlyCard;
import com.boothdesk.app.domain.lists.PlateStatus;
import com.boothdesk.app.domain.order.CarKind;

/**
 * The entry ladder, one rung after another: read quality → blacklist → lot full (by kind) → list status →
 * confirmation → admit. Pure: it decides from what it is given and changes nothing; the lane controller acts.
 * (The debounce rung needs the lane's memory and sits in the controller.)
 */
public final class EntryLadder {

    private final LaneInfo lane;
    private final LaneRules rules;
    private final ZoneId zone;
    private final LaneTexts texts;

    public EntryLadder(LaneInfo lane, LaneRules rules, ZoneId zone, LaneTexts texts) {
        this.lane = lane;
        this.rules = rules;
        this.zone = zone;
        this.texts = texts;
    }

    /**
     * What to do with a car at the entry.
     *
     * @param freeSpaces   spaces left before this car
     * @param monthlyInLot how many of a monthly card's plates are inside now
     */
    public EntryVerdict decide(PlateRead read, PlateStatus status, int freeSpaces,
                               ToIntFunction<MonthlyCard> monthlyInLot) {
        String plate = read.plate();
        if (plate.isBlank()) {
            return EntryVerdict.ask(CarKind.NO_PLATE, null, Decision.of(Step.READ_QUALITY, "entry.noplate"),
                    texts.waitPlease(""));
        }
        Classified c = classify(plate, status, read.readAt(), monthlyInLot);
        if (read.confidence() < rules.minConfidence()) {
            return EntryVerdict.ask(c.kind(), c.cardId(), Decision.of(Step.READ_QUALITY, "entry.lowconfidence",
                    plate, read.confidence()), texts.waitPlease(plate));
        }
        if (status.blacklist().isPresent()) {
            String reason = status.blacklist().get().reason();
            Decision d = Decision.of(Step.BLACKLIST, "entry.blacklisted", plate, reason == null ? "" : reason);
            return rules.refuseBlacklisted() ? EntryVerdict.refuse(d, texts.blacklisted(plate))
                    : EntryVerdict.ask(c.kind(), c.cardId(), d, texts.waitPlease(plate));
        }
        if (freeSpaces <= 0 && !rules.admitWhenFull().contains(c.kind())) {
            return EntryVerdict.refuse(Decision.of(Step.LOT_FULL, "entry.full", plate, c.kind().label()),
                    texts.full(plate));
        }
        if (rules.confirmEntry().contains(c.kind())) {
            return EntryVerdict.ask(c.kind(), c.cardId(), Decision.of(Step.CONFIRMATION, "entry.confirm", plate,
                    c.kind().label()), c.say());
        }
        return EntryVerdict.admit(c.kind(), c.cardId(), c.decision(), c.say(), c.note());
    }

    /** The LIST_STATUS rung: what kind of car this is here and now. */
    Classified classify(String plate, PlateStatus status, Instant at, ToIntFunction<MonthlyCard> monthlyInLot) {
        LocalDate today = at.atZone(zone).toLocalDate();
        if (status.white().isPresent() && validOn(status.white().get().validFrom(), status.white().get().validTo(),
                today)) {
            return new Classified(CarKind.WHITE, null, Decision.of(Step.LIST_STATUS, "entry.white", plate),
                    texts.welcomeWhite(plate), null);
        }
        if (status.monthly().isPresent()) {
            MonthlyCard card = status.monthly().get();
            if (!card.channels().isEmpty() && !card.channels().contains(lane.id())) {
                return temporary(plate, "entry.monthly.otherlane", card.cardId());
            }
            if (!card.validOn(today)) {
                return new Classified(CarKind.TEMPORARY, null, Decision.of(Step.LIST_STATUS,
                        "entry.monthly.expired", plate, String.valueOf(card.validTo())),
                        texts.welcomeExpired(plate), "月卡已过期");
            }
            if (card.spaces() > 0 && monthlyInLot.applyAsInt(card) >= card.spaces()) {
                return temporary(plate, "entry.monthly.groupfull", card.cardId());
            }
            long left = card.daysLeft(today);
            return new Classified(CarKind.MONTHLY, card.cardId(), Decision.of(Step.LIST_STATUS, "entry.monthly",
                    plate, left), texts.welcomeMonthly(plate, left, left <= rules.monthlyReminderDays()), null);
        }
        if (status.visitor().isPresent() && status.visitor().get().usableAt(at)) {
            return new Classified(CarKind.VISITOR, null, Decision.of(Step.LIST_STATUS, "entry.visitor", plate),
                    texts.welcomeVisitor(plate), "访客");
        }
        if (status.storedValue().isPresent()) {
            return new Classified(CarKind.STORED_VALUE, status.storedValue().get().cardId(),
                    Decision.of(Step.LIST_STATUS, "entry.storedvalue", plate), texts.welcome(plate), null);
        }
        return new Classified(CarKind.TEMPORARY, null, Decision.of(Step.LIST_STATUS, "entry.temporary", plate),
                texts.welcome(plate), null);
    }

    private Classified temporary(String plate, String key, String cardId) {
        return new Classified(CarKind.TEMPORARY, null, Decision.of(Step.LIST_STATUS, key, plate, cardId),
                texts.welcome(plate), key.equals("entry.monthly.groupfull") ? "月卡车位已满,按临时车" : null);
    }

    static boolean validOn(LocalDate from, LocalDate to, LocalDate day) {
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    /** The LIST_STATUS result. */
    record Classified(CarKind kind, String cardId, Decision decision, LaneTexts.Say say, String note) {
    }

    /** What the entry ladder decided. */
    public record EntryVerdict(Outcome outcome, CarKind kind, String cardId, Decision decision, LaneTexts.Say say,
                               String note) {

        public enum Outcome { ADMIT, ASK_ATTENDANT, REFUSE }

        static EntryVerdict admit(CarKind kind, String cardId, Decision d, LaneTexts.Say say, String note) {
            return new EntryVerdict(Outcome.ADMIT, kind, cardId, d, say, note);
        }

        static EntryVerdict ask(CarKind kind, String cardId, Decision d, LaneTexts.Say say) {
            return new EntryVerdict(Outcome.ASK_ATTENDANT, kind, cardId, d, say, null);
        }

        static EntryVerdict refuse(Decision d, LaneTexts.Say say) {
            return new EntryVerdict(Outcome.REFUSE, null, null, d, say, null);
        }
    }
}
