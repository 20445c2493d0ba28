package com.boothdesk.app.domain.lane;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.gate.BarrierAction;
import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.gate.GateOutcome;
import com.boothdesk.app.domain.lists.PlateStatus;
import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.plate.SafeText;

/**
 * The entry lane's flow: a read is decided by the entry ladder; an admitted car's barrier is opened first and its
 * stay (with its in_park) recorded only once the barrier device confirmed; what needs the attendant waits as one
 * {@link Waiting.EntryConfirmation}. Runs on the lane's worker only.
 */
final class EntryFlow {

    private static final Logger LOG = LoggerFactory.getLogger(LaneController.class);
    private static final String PSEUDO_PLATE_CHARS = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final LaneCore core;
    private final LaneServices s;
    private final EntryLadder ladder;
    private final SecureRandom random = new SecureRandom();

    EntryFlow(LaneCore core) {
        this.core = core;
        this.s = core.s;
        this.ladder = new EntryLadder(core.lane, s.rules(), s.clock().getZone(), s.texts());
    }

    /** A live read (the plate already checked: empty for no plate). {@code invalid}: the raw read was no plate. */
    void onRead(PlateRead read, String invalidShown) {
        if (invalidShown != null) {
            LOG.warn("Lane {}: the camera read '{}', which is no plate; the attendant decides [{}]", core.lane.id(),
                    invalidShown, Step.READ_QUALITY);
            EntryLadder.EntryVerdict v = new EntryLadder.EntryVerdict(EntryLadder.EntryVerdict.Outcome.ASK_ATTENDANT,
                    CarKind.NO_PLATE, null, Decision.of(Step.READ_QUALITY, "plate.invalid", invalidShown),
                    s.texts().waitPlease(""), null);
            core.say(v.say());
            core.await(new Waiting.EntryConfirmation(read, v, false), null, null, v.decision(), List.of(), null);
            return;
        }
        decide(read, false);
    }

    void decide(PlateRead read, boolean attended) {
        PlateStatus status = read.plate().isEmpty() ? PlateStatus.none("", read.readAt())
                : s.lists().lookup(read.plate(), read.readAt());
        EntryLadder.EntryVerdict v = ladder.decide(read, status, s.spaces().free(s.spaces().areaOf(core.lane.id())),
                card -> s.orders().countInLot(card.plates()));
        LOG.info("Lane {}: {} -> {} [{}]", core.lane.id(), read.plate().isEmpty() ? "(no plate)" : read.plate(),
                v.outcome(), v.decision());
        if (attended && v.outcome() == EntryLadder.EntryVerdict.Outcome.ADMIT) {
            v = new EntryLadder.EntryVerdict(EntryLadder.EntryVerdict.Outcome.ASK_ATTENDANT, v.kind(), v.cardId(),
                    Decision.of(Step.ATTENDANT, "lane.recovered", read.plate()), s.texts().waitPlease(read.plate()),
                    v.note());
        }
        switch (v.outcome()) {
            case ADMIT -> admit(read, v, false);
            case ASK_ATTENDANT -> {
                core.say(v.say());
                core.await(new Waiting.EntryConfirmation(read, v, false), null, null, v.decision(), List.of(),
                        v.kind());
            }
            case REFUSE -> {
                core.say(v.say());
                core.publish(LanePhase.REFUSED, read, null, null, v.decision(), List.of(), null);
            }
        }
    }

    /**
     * A read the camera kept while the booth could not be reached (Zhenshi {@code isoffline}). The car passed
     * already: it is recorded (no gate) when its time is plausible and the lot had room for it; otherwise, and when
     * it is no plate, the attendant decides.
     */
    void onOffline(PlateRead read, String invalidShown) {
        String plate = read.plate();
        Instant now = s.clock().instant();
        Instant earliest = core.startedAt.minus(Duration.ofDays(s.rules().offlineMaxDays()));
        Instant latest = now.plusSeconds(s.rules().offlineSkewSeconds());
        Decision ask = null;
        if (invalidShown != null) {
            ask = Decision.of(Step.READ_QUALITY, "plate.invalid", invalidShown);
        } else if (plate.isEmpty()) {
            ask = Decision.of(Step.READ_QUALITY, "entry.offline.noplate");
        } else if (read.cameraTimeUnknown()) {
            // the camera lost its clock: the receive time is no entry time, whatever window it falls in
            ask = Decision.of(Step.READ_QUALITY, "entry.offline.notime", plate);
        } else if (read.readAt().isBefore(earliest) || read.readAt().isAfter(latest)) {
            ask = Decision.of(Step.READ_QUALITY, "entry.offline.time", plate, read.readAt().toString());
        }
        if (ask == null && s.orders().findInLot(plate).isPresent()) {
            LOG.info("Lane {}: offline entry of {} already known", core.lane.id(), plate);
            return;
        }
        EntryLadder.EntryVerdict v = null;
        if (ask == null) {
            PlateStatus status = s.lists().lookup(plate, read.readAt());
            v = ladder.decide(read, status, s.spaces().free(s.spaces().areaOf(core.lane.id())),
                    card -> s.orders().countInLot(card.plates()));
            if (v.outcome() == EntryLadder.EntryVerdict.Outcome.REFUSE) {
                // the car is inside whatever the ladder says now (lot full, blacklist): a person decides
                ask = Decision.of(Step.LOT_FULL, "entry.offline.refused", plate, v.decision().messageKey());
            } else if (v.outcome() == EntryLadder.EntryVerdict.Outcome.ASK_ATTENDANT) {
                ask = v.decision();
            }
        }
        if (ask != null) {
            LOG.warn("Lane {}: offline re-push '{}' at {} goes to the attendant: {}", core.lane.id(),
                    invalidShown != null ? invalidShown : plate, read.readAt(), ask);
            EntryLadder.EntryVerdict wait = new EntryLadder.EntryVerdict(
                    EntryLadder.EntryVerdict.Outcome.ASK_ATTENDANT, v == null || v.kind() == null
                    ? (plate.isEmpty() ? CarKind.NO_PLATE : CarKind.TEMPORARY) : v.kind(),
                    v == null ? null : v.cardId(), ask, s.texts().waitPlease(plate), "离线补传");
            core.await(new Waiting.EntryConfirmation(read, wait, true), null, null, ask, List.of(), wait.kind());
            return;
        }
        recordOffline(read, v.kind() == null ? CarKind.TEMPORARY : v.kind(), v.cardId());
    }

    private ParkingOrder recordOffline(PlateRead read, CarKind kind, String cardId) {
        String orderId = s.orders().nextOrderId(core.lane.id(), read.readAt());
        String image = s.images().save(orderId + "-in", read.image()).orElse(null);
        ParkingOrder order = ParkingOrder.entered(orderId, read.plate(), core.classAtEntry(read, null),
                core.lane.id(), read.readAt(), core.operator(), image, kind, cardId, "离线补传");
        core.settledInStore(s.orders().recordEntry(order, Math.max(0, s.spaces().free() - 1), core.intake()));
        LOG.info("Lane {}: offline entry of {} at {} recorded as order {} ({})", core.lane.id(), read.plate(),
                read.readAt(), orderId, kind.label());
        return order;
    }

    /** The attendant confirms what waits (F3). */
    void confirm(Waiting.EntryConfirmation w) {
        PlateRead read = w.read();
        if (read.plate().isBlank()) {
            read = LaneController.withPlate(read, pseudoPlate());
        }
        EntryLadder.EntryVerdict v = w.verdict();
        if (w.offline()) {
            ParkingOrder o = recordOffline(read, v.kind() == null ? CarKind.TEMPORARY : v.kind(), v.cardId());
            core.clear();
            core.publish(LanePhase.ENTERED, read, o, null, Decision.of(Step.ATTENDANT, "entry.offline.confirmed",
                    read.plate()), List.of(), o.kind());
            return;
        }
        admit(read, new EntryLadder.EntryVerdict(EntryLadder.EntryVerdict.Outcome.ADMIT,
                v.kind() == null ? CarKind.TEMPORARY : v.kind(), v.cardId(),
                Decision.of(Step.ATTENDANT, "entry.confirmed", read.plate()),
                v.outcome() == EntryLadder.EntryVerdict.Outcome.ADMIT ? v.say() : s.texts().welcome(read.plate()),
                v.note()), true);
    }

    /** The cloud created a no-plate stay (3.3): the driver scanned the entry QR code. */
    ParkingOrder admitNoPlate(String pseudoPlate, Instant at) {
        PlateRead read = new PlateRead(core.lane.id(), pseudoPlate, 0, 100, at, new byte[0], "cloud");
        Decision d = Decision.of(Step.LIST_STATUS, "entry.noplate.cloud", pseudoPlate);
        return admit(read, new EntryLadder.EntryVerdict(EntryLadder.EntryVerdict.Outcome.ADMIT, CarKind.NO_PLATE,
                null, d, s.texts().welcome(pseudoPlate), "扫码入场"), true);
    }

    /**
     * Opens the barrier and, once the device confirmed it, records the stay with its in_park. A barrier that did not
     * confirm records no stay and no in_park: the car is still at the barrier, and the lane waits for the attendant
     * (confirm tries again, refuse sends the car away). Returns the stay, or null when the barrier failed.
     *
     * <p>A car that needs a space (its kind is not let in when full) first holds one ({@link ParkSpaces#hold}); when
     * none is left (another lane or booth took the last one after the ladder looked) it is refused as the ladder
     * refuses a full lot, and an attended entry fails with {@code entry.full}. The hold lives only while this runs:
     * it ends in the recorded stay, or is given back when the barrier failed or the write threw, so a car waiting
     * for the attendant, refused or cancelled afterwards holds nothing.
     */
    ParkingOrder admit(PlateRead read, EntryLadder.EntryVerdict v, boolean attended) {
        Instant at = read.readAt();
        String orderId = s.orders().nextOrderId(core.lane.id(), at);
        // site4: a car that needs a space holds one before the barrier opens (the lot-full rule across this booth's
        // lanes and the site's booths); the hold ends in the stay, or is given back when the car does not pass
        boolean needsSpace = v.kind() == null || !s.rules().admitWhenFull().contains(v.kind());
        if (needsSpace && !s.spaces().hold(s.spaces().areaOf(core.lane.id()), orderId)) {
            return lotFull(read, v, attended);
        }
        boolean entered = false;
        try {
            ParkingOrder order = passAndRecord(read, v, attended, orderId, at, needsSpace);
            entered = order != null;
            return order;
        } finally {
            if (needsSpace) {
                if (entered) {
                    s.spaces().entered(orderId);
                } else {
                    s.spaces().release(orderId);
                }
            }
        }
    }

    /** Another lane or booth took the last space between the ladder and the hold: the car is refused as full. */
    private ParkingOrder lotFull(PlateRead read, EntryLadder.EntryVerdict v, boolean attended) {
        String plate = read.plate();
        String kind = v.kind() == null ? CarKind.TEMPORARY.label() : v.kind().label();
        Decision d = Decision.of(Step.LOT_FULL, "entry.full", plate, kind);
        LOG.info("Lane {}: {} refused: no space left in area {} once the other lanes' holds count [{}]",
                core.lane.id(), plate.isEmpty() ? "(no plate)" : SafeText.plate(plate), s.spaces().areaOf(core.lane.id()), d.step());
        if (attended) {
            core.clear();
        }
        core.say(s.texts().full(plate));
        core.publish(LanePhase.REFUSED, read, null, null, d, List.of(), null);
        if (attended) {
            throw new LaneException("entry.full", "no space left for " + plate, d.args());
        }
        return null;
    }

    private ParkingOrder passAndRecord(PlateRead read, EntryLadder.EntryVerdict v, boolean attended, String orderId,
                                       Instant at, boolean held) {
        GateOutcome gate = core.gate(BarrierAction.OPEN, GateEvent.Cause.ENTRY_ACCEPTED, core.operator(), orderId,
                null, null);
        if (!gate.moved()) {
            Decision d = Decision.of(Step.ATTENDANT, "lane.gate.failed", read.plate().isEmpty() ? "无牌车"
                    : read.plate(), SafeText.of(gate.detail(), 60));
            core.await(new Waiting.EntryConfirmation(read, v, false), null, null, d, List.of(), v.kind());
            if (attended) {
                throw new LaneException("lane.gate.failed", "the barrier did not confirm: " + gate.detail(),
                        d.args());
            }
            return null;
        }
        TestHooks.reached(TestHooks.BEFORE_ORDER_WRITE);
        String image = s.images().save(orderId + "-in", read.image()).orElse(null);
        String vehicleClass = core.classAtEntry(read, null);
        ParkingOrder order = ParkingOrder.entered(orderId, read.plate(), vehicleClass, core.lane.id(), at,
                core.operator(), image, v.kind(), v.cardId(), v.note());
        // the free count subtracts the live holds (ParkSpaces.hold): a car that holds its space is counted already
        int empty = held ? s.spaces().free() : Math.max(0, s.spaces().free() - 1);
        // the read leaves the intake journal in the stay's own transaction: a crash right after it cannot make the
        // restart decide the read again (a second stay and in_park)
        core.settledInStore(s.orders().recordEntry(order, empty, core.intake()));
        TestHooks.reached(TestHooks.AFTER_ORDER_WRITE);
        if (v.kind() == CarKind.VISITOR) {
            s.lists().visitorEntered(read.plate(), at);
        }
        core.say(v.say());
        LOG.info("Lane {}: {} entered as {} (fee class {}), order {}, {} spaces left, barrier {} [{}]",
                core.lane.id(), read.plate(), v.kind().label(), vehicleClass, orderId, empty, gate.result(),
                v.decision().step());
        core.clear();
        core.publish(LanePhase.ENTERED, read, order, null, v.decision(), List.of(), v.kind());
        return order;
    }

    String pseudoPlate() {
        StringBuilder p = new StringBuilder("无");
        for (int i = 0; i < 6; i++) {
            p.append(PSEUDO_PLATE_CHARS.charAt(random.nextInt(PSEUDO_PLATE_CHARS.length())));
        }
        return p.toString();
    }
}
