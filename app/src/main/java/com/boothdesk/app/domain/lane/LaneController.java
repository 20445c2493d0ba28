package com.boothdesk.app.domain.lane;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.common.Observable;
import com.boothdesk.app.domain.fee.Coupon;
import com.boothdesk.app.domain.fee.FeeLine;
import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.fee.Fen;
import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.lists.PlateStatus;
import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.domain.plate.PlateCandidate;
import com.boothdesk.app.domain.plate.PlateMatcher;

/**
 * Decides and acts at one lane. The entry and exit ladders decide (each rung named); this class keeps the lane's
 * memory (debounce, what waits for the attendant) and carries the decision out: H2 first, then the gate, LED and
 * voice. All work runs on the lane's own single-thread executor, in arrival order, so plate reads and attendant
 * actions never race; nothing here blocks its caller. Every decision is logged with the rung that made it.
 */
public final class LaneController {

    private static final Logger LOG = LoggerFactory.getLogger(LaneController.class);
    private static final DateTimeFormatter IMAGE_STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
            .withZone(java.time.ZoneOffset.UTC);
    private static final String PSEUDO_PLATE_CHARS = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int MAX_CANDIDATES = 5;

    private final LaneInfo lane;
    private final LaneServices s;
    private final Executor worker;
    private final Observable<LaneState> state;
    private final EntryLadder entryLadder;
    private final ExitLadder exitLadder;
    private final PlateMatcher matcher;
    private final SecureRandom random = new SecureRandom();

    // ---- the lane's memory; touched only on the worker ----
    private String lastPlate;
    private Instant lastPlateAt;
    private PlateRead pendingRead;
    private EntryLadder.EntryVerdict pendingEntry;
    private ParkingOrder pendingOrder;
    private ExitLadder.ExitVerdict pendingExit;
    private List<Coupon> pendingCoupons = List.of();

    public LaneController(LaneInfo lane, LaneServices services, Executor worker) {
        this.lane = lane;
        this.s = services;
        this.worker = worker;
        this.state = new Observable<>(LaneState.idle(lane, services.clock().instant()));
        this.entryLadder = new EntryLadder(lane, services.rules(), services.clock().getZone(),
                services.texts());
        this.exitLadder = new ExitLadder(services.rules(), services.clock().getZone(), services.texts());
        this.matcher = new PlateMatcher(services.rules().match());
    }

    public LaneInfo lane() {
        return lane;
    }

    public Observable<LaneState> state() {
        return state;
    }

    public LaneRules rules() {
        return s.rules();
    }

    // ---- events ---------------------------------------------------------------------------------------------

    /** A camera read a plate at this lane. Returns at once. */
    public CompletableFuture<Void> onPlate(PlateRead read) {
        return quietly(() -> {
            String plate = PlateMatcher.normalize(read.plate());
            if (!plate.isEmpty() && isRepeat(plate, read.readAt())) {
                LOG.debug("Lane {}: {} read again within {}; ignored [{}]", lane.id(), plate, s.debounce(),
                        Step.DEBOUNCE);
                return;
            }
            if (!plate.isEmpty()) {
                lastPlate = plate;
                lastPlateAt = read.readAt();
            }
            decide(withPlate(read, plate));
        });
    }

    /**
     * A read the camera kept while the booth could not be reached, re-pushed later (Zhenshi {@code isoffline}). The
     * car has passed already: an entry is recorded (no gate, no screen) so that its exit finds it; an exit is only
     * logged for the attendant, since nobody was charged.
     */
    public CompletableFuture<Void> onOfflineRead(PlateRead read) {
        return quietly(() -> {
            String plate = PlateMatcher.normalize(read.plate());
            if (plate.isEmpty()) {
                return;
            }
            if (lane.direction() == LaneDirection.EXIT) {
                LOG.warn("Lane {}: camera re-pushed an offline exit of {} at {}; nothing was charged [{}]", lane.id(),
                        plate, read.readAt(), Step.READ_QUALITY);
                return;
            }
            if (s.orders().findInLot(plate).isPresent()) {
                LOG.info("Lane {}: offline entry of {} already known", lane.id(), plate);
                return;
            }
            PlateStatus status = s.lists().lookup(plate, read.readAt());
            EntryLadder.EntryVerdict v = entryLadder.decide(withPlate(read, plate), status, Integer.MAX_VALUE,
                    card -> s.orders().countInLot(card.plates()));
            CarKind kind = v.kind() == null ? CarKind.TEMPORARY : v.kind();
            String orderId = s.orders().nextOrderId(lane.id(), read.readAt());
            String image = s.images().save(orderId + "-in", read.image()).orElse(null);
            s.orders().recordEntry(ParkingOrder.entered(orderId, plate, s.vehicleClass(), lane.id(), read.readAt(),
                    s.operator().get(), image, kind, v.cardId(), "离线补传"), Math.max(0, s.spaces().free() - 1));
            LOG.info("Lane {}: offline entry of {} at {} recorded as order {} ({})", lane.id(), plate, read.readAt(),
                    orderId, kind.label());
        });
    }

    /** The cloud created a no-plate stay (3.3 nolicence_in_park): the driver scanned the entry QR code. */
    public CompletableFuture<ParkingOrder> admitNoPlate(String pseudoPlate, Instant at) {
        return call(() -> {
            PlateRead read = new PlateRead(lane.id(), pseudoPlate, 0, 100, at, new byte[0], "cloud");
            Decision d = Decision.of(Step.LIST_STATUS, "entry.noplate.cloud", pseudoPlate);
            return admit(read, new EntryLadder.EntryVerdict(EntryLadder.EntryVerdict.Outcome.ADMIT, CarKind.NO_PLATE,
                    null, d, s.texts().welcome(pseudoPlate), "扫码入场"));
        });
    }

    /** Money was paid for a stay before the exit (3.2): if that car waits here, decide again. */
    public CompletableFuture<Void> prepaid(String orderId) {
        return quietly(() -> {
            if (pendingOrder != null && pendingOrder.orderId().equals(orderId) && pendingRead != null) {
                ParkingOrder fresh = s.orders().find(orderId).orElse(pendingOrder);
                LOG.info("Lane {}: prepayment arrived for the waiting car {}; deciding again", lane.id(),
                        fresh.plate());
                exitWith(fresh, pendingRead);
            }
        });
    }

    /**
     * Moves the barrier outside the ladders for the cloud's remote lift (3.18): recorded with who and why, and a
     * picture of the lane, before the command goes out.
     */
    public CompletableFuture<Void> gate(boolean open, String operator, String reason, String orderId) {
        return run(() -> moveGate(open, operator, reason, orderId));
    }

    /**
     * The attendant's manual override: lifts or lowers the barrier whatever the lane decided. The reason is
     * mandatory; the attendant on duty, the reason and a picture of the lane are recorded before the command goes
     * out, and the event is reported to the cloud as an abnormal lift (2.11) with its picture.
     */
    public CompletableFuture<Void> override(boolean open, String reason) {
        return run(() -> {
            LaneState now = state.get();
            moveGate(open, s.operator().get(), reason, now.order() == null ? null : now.order().orderId());
        });
    }

    /**
     * The attendant's manual barrier command for this lane (any lane, entry or exit). Reason mandatory; recorded with
     * who, why and a picture before the command goes out.
     */
    public CompletableFuture<Void> barrier(com.boothdesk.app.domain.gate.BarrierAction action, String reason) {
        return switch (action) {
            case OPEN -> override(true, reason);
            case CLOSE -> override(false, reason);
            case KEEP_OPEN, RELEASE_KEEP_OPEN -> CompletableFuture.failedFuture(
                    new UnsupportedOperationException("keep-open is not wired yet"));
        };
    }

    private void moveGate(boolean open, String operator, String reason, String orderId) {
        requireReason(reason);
        Instant at = s.clock().instant();
        String image = s.snapshots().take(lane)
                .flatMap(jpeg -> s.images().save(lane.id() + "-manual-" + IMAGE_STAMP.format(at), jpeg))
                .orElse(null);
        s.gates().record(new GateEvent(lane.id(), at, open ? GateEvent.Action.OPEN : GateEvent.Action.CLOSE,
                GateEvent.Cause.MANUAL, operator, orderId, reason.trim(), image));
        if (open) {
            s.signals().openGate(lane);
        } else {
            s.signals().closeGate(lane);
        }
        LOG.info("Lane {}: gate {} manually by {} ({}){} [{}]", lane.id(), open ? "opened" : "closed", operator,
                reason, image == null ? ", no picture" : "", Step.ATTENDANT);
        publish(state.get().phase(), state.get().lastRead(), state.get().order(), state.get().quote(),
                Decision.of(Step.ATTENDANT, open ? "lane.manual.open" : "lane.manual.close", operator, reason.trim()),
                state.get().candidates(), state.get().kind());
    }

    // ---- the attendant ----------------------------------------------------------------------------------------

    /** Confirms what waits for confirmation (an entry, or a free exit). */
    public CompletableFuture<Void> confirm() {
        return run(() -> {
            LaneState now = state.get();
            if (now.phase() != LanePhase.AWAITING_CONFIRMATION) {
                throw new LaneException("confirm.nothing", "nothing waits for confirmation at " + lane.id());
            }
            if (lane.direction() == LaneDirection.ENTRY) {
                PlateRead read = pendingRead;
                EntryLadder.EntryVerdict v = pendingEntry;
                if (read.plate().isBlank()) {
                    read = withPlate(read, pseudoPlate());
                }
                admit(read, new EntryLadder.EntryVerdict(EntryLadder.EntryVerdict.Outcome.ADMIT,
                        v.kind() == null ? CarKind.TEMPORARY : v.kind(), v.cardId(),
                        Decision.of(Step.ATTENDANT, "entry.confirmed", read.plate()),
                        v.outcome() == EntryLadder.EntryVerdict.Outcome.ADMIT ? v.say() : s.texts().welcome(read.plate()),
                        v.note()));
            } else {
                ExitLadder.ExitVerdict v = pendingExit;
                release(pendingOrder, pendingRead, v.kind(), v.method(), v.quote(), 0, v.freeReason(),
                        Decision.of(Step.ATTENDANT, "exit.confirmed", pendingOrder.plate()), v.say());
            }
        });
    }

    /** Refuses what waits (the car does not pass); the gate stays shut. */
    public CompletableFuture<Void> refuse() {
        return run(() -> {
            LaneState now = state.get();
            if (now.phase() == LanePhase.IDLE || now.phase() == LanePhase.ENTERED
                    || now.phase() == LanePhase.RELEASED) {
                throw new LaneException("refuse.nothing", "nothing to refuse at " + lane.id());
            }
            String plate = pendingRead == null ? "" : pendingRead.plate();
            LOG.info("Lane {}: attendant refused {} [{}]", lane.id(), plate, Step.ATTENDANT);
            clearPending();
            publish(LanePhase.REFUSED, now.lastRead(), null, null, Decision.of(Step.ATTENDANT, "lane.refused", plate),
                    List.of(), null);
        });
    }

    /**
     * The attendant typed the right plate. Entry: the car waiting is decided again under it, or the stay just
     * created gets it. Exit: the stay is looked up again under it.
     */
    public CompletableFuture<Void> correctPlate(String typed) {
        return run(() -> {
            String plate = PlateMatcher.normalize(typed);
            if (plate.isEmpty() || plate.length() > 8) {
                throw new LaneException("correct.bad", "'" + typed + "' is not a plate");
            }
            LaneState now = state.get();
            if (lane.direction() == LaneDirection.ENTRY && now.phase() == LanePhase.ENTERED && now.order() != null) {
                ParkingOrder fixed = s.orders().correctPlate(now.order().orderId(), plate);
                LOG.info("Lane {}: attendant corrected {} to {} on order {} [{}]", lane.id(), now.order().plate(),
                        plate, fixed.orderId(), Step.ATTENDANT);
                publish(LanePhase.ENTERED, withPlate(now.lastRead(), plate), fixed, null,
                        Decision.of(Step.ATTENDANT, "lane.corrected", now.order().plate(), plate), List.of(),
                        fixed.kind());
                return;
            }
            PlateRead base = pendingRead != null ? pendingRead : now.lastRead();
            if (base == null) {
                throw new LaneException("correct.nothing", "no read to correct at " + lane.id());
            }
            LOG.info("Lane {}: attendant corrected {} to {} [{}]", lane.id(), base.plate(), plate, Step.ATTENDANT);
            lastPlate = plate;
            lastPlateAt = base.readAt();
            // the attendant has checked the plate: it is as good as a certain read
            decide(new PlateRead(base.laneId(), plate, base.colorCode(), 100, base.readAt(), base.image(),
                    base.source() + "+attendant"));
        });
    }

    /** Exit: the attendant picked the right stay among the similar plates (or from a search). */
    public CompletableFuture<Void> pick(String orderId) {
        return run(() -> {
            if (pendingRead == null || lane.direction() != LaneDirection.EXIT) {
                throw new LaneException("pick.nothing", "no car waits for a match at " + lane.id());
            }
            ParkingOrder order = s.orders().find(orderId).filter(o -> o.status() == com.boothdesk.app.domain.order
                    .OrderStatus.IN_LOT).orElseThrow(() -> new LaneException("pick.gone",
                    "order " + orderId + " is not in the lot"));
            LOG.info("Lane {}: attendant matched read {} to {} (order {}) [{}]", lane.id(), pendingRead.plate(),
                    order.plate(), orderId, Step.MATCH);
            exitWith(order, pendingRead);
        });
    }

    /** Exit with no record: charge the configured no-record fee; the reason is mandatory. */
    public CompletableFuture<Void> chargeNoRecord(String reason) {
        return run(() -> {
            LaneState now = state.get();
            if (now.phase() != LanePhase.NO_RECORD && now.phase() != LanePhase.AWAITING_MATCH) {
                throw new LaneException("norecord.nothing", "no unmatched car at " + lane.id());
            }
            requireReason(reason);
            PlateRead read = pendingRead;
            Instant at = read.readAt();
            String orderId = s.orders().nextOrderId(lane.id(), at);
            ParkingOrder order = ParkingOrder.entered(orderId, read.plate(), s.vehicleClass(), lane.id(), at,
                    s.operator().get(), null, CarKind.TEMPORARY, null, "无入场记录:" + reason.trim());
            s.orders().recordEntry(order, s.spaces().free());
            long fee = s.rules().noRecordFeeFen();
            FeeQuote quote = new FeeQuote(fee, fee, List.of(new FeeLine("无入场记录 最低收费(" + reason.trim() + ")",
                    fee, FeeLine.Kind.CHARGE)), 0, 0, 0, "no-record", s.vehicleClass(), at, at, 0);
            LOG.info("Lane {}: {} has no entry record; charging {} for '{}' [{}]", lane.id(), read.plate(),
                    Fen.format(fee), reason, Step.ATTENDANT);
            if (fee == 0) {
                release(order, read, CarKind.TEMPORARY, PaymentMethod.FREE, quote, 0, "无入场记录:" + reason.trim(),
                        Decision.of(Step.ATTENDANT, "exit.norecord.free", read.plate()), s.texts().goodbye(read.plate()));
                return;
            }
            awaitPayment(order, read, new ExitLadder.ExitVerdict(ExitLadder.ExitVerdict.Outcome.CHARGE,
                    CarKind.TEMPORARY, null, quote, Decision.of(Step.ATTENDANT, "exit.norecord.charge", read.plate(),
                    Fen.format(fee)), s.texts().feeDue(read.plate(), java.time.Duration.ZERO, fee), null), List.of());
        });
    }

    /**
     * The attendant takes cash for the car waiting at this exit. Completes with the change to give, or
     * exceptionally with a {@link LaneException} when there is nothing to settle or the cash is short.
     */
    public CompletableFuture<SettleResult> settleCash(long tenderedFen) {
        return call(() -> {
            LaneState now = state.get();
            if (now.phase() != LanePhase.AWAITING_PAYMENT || pendingOrder == null || pendingExit == null) {
                throw new LaneException("settle.nothing", "lane " + lane.id() + " has no car waiting to pay");
            }
            long due = pendingExit.quote().totalFen();
            long tendered = tenderedFen <= 0 ? due : tenderedFen;
            if (tendered < due) {
                throw new LaneException("settle.short",
                        "tendered " + Fen.format(tendered) + " is less than the fee " + Fen.format(due));
            }
            ParkingOrder closed = release(pendingOrder, pendingRead, pendingExit.kind(), PaymentMethod.CASH,
                    pendingExit.quote(), due, null, Decision.of(Step.ATTENDANT, "lane.released.cash",
                            pendingOrder.plate(), Fen.format(due)), s.texts().goodbye(pendingOrder.plate()));
            return new SettleResult(closed, tendered, tendered - due);
        });
    }

    /** The attendant lets the waiting car go without paying; the reason is mandatory and recorded. */
    public CompletableFuture<ParkingOrder> releaseFree(String reason) {
        return call(() -> {
            LaneState now = state.get();
            if (now.phase() != LanePhase.AWAITING_PAYMENT || pendingOrder == null) {
                throw new LaneException("free.nothing", "lane " + lane.id() + " has no car waiting to pay");
            }
            requireReason(reason);
            return release(pendingOrder, pendingRead, pendingExit.kind(), PaymentMethod.FREE, pendingExit.quote(), 0,
                    reason.trim(), Decision.of(Step.ATTENDANT, "lane.released.free.reason", pendingOrder.plate(),
                            reason.trim()), s.texts().goodbye(pendingOrder.plate()));
        });
    }

    /**
     * What the stay costs if it left at {@code at}: the exit ladder's fee (prepaid within grace, coupons, balance),
     * without deciding anything. For the cloud's price queries (3.1); reads only, safe on any thread.
     */
    public FeeQuote priceNow(ParkingOrder order, Instant at) {
        PlateStatus status = s.lists().lookup(order.plate(), at);
        long balance = status.storedValue().map(c -> c.balanceFen()).orElse(0L);
        return s.fees().quote(new com.boothdesk.app.domain.fee.FeeRequest(order.carType(), order.inTime(), at,
                order.prepaidFen(), order.prepaidAt(), s.rules().prepaidGraceMinutes(),
                s.lists().couponsFor(order.plate(), order.orderId(), at), balance));
    }

    /** The stay waiting to pay at this exit right now, with its fee (the exit QR code's price query, 3.1). */
    public Optional<LaneState> waitingToPay() {
        LaneState now = state.get();
        return now.phase() == LanePhase.AWAITING_PAYMENT && now.order() != null && now.quote() != null
                ? Optional.of(now) : Optional.empty();
    }

    /** In-lot stays whose plate contains {@code fragment}: the attendant's search when the match found nothing. */
    public List<ParkingOrder> search(String fragment) {
        String f = PlateMatcher.normalize(fragment);
        return f.isEmpty() ? List.of() : s.orders().searchInLot(f, 20);
    }

    // ---- the ladders ------------------------------------------------------------------------------------------

    private void decide(PlateRead read) {
        clearPending();
        if (lane.direction() == LaneDirection.ENTRY) {
            enter(read);
        } else {
            exit(read);
        }
    }

    private void enter(PlateRead read) {
        PlateStatus status = read.plate().isEmpty() ? PlateStatus.none("", read.readAt())
                : s.lists().lookup(read.plate(), read.readAt());
        EntryLadder.EntryVerdict v = entryLadder.decide(read, status, s.spaces().free(s.spaces().areaOf(lane.id())),
                card -> s.orders().countInLot(card.plates()));
        LOG.info("Lane {}: {} -> {} [{}]", lane.id(), read.plate().isEmpty() ? "(no plate)" : read.plate(),
                v.outcome(), v.decision());
        switch (v.outcome()) {
            case ADMIT -> admit(read, v);
            case ASK_ATTENDANT -> {
                pendingRead = read;
                pendingEntry = v;
                say(v.say());
                publish(LanePhase.AWAITING_CONFIRMATION, read, null, null, v.decision(), List.of(), v.kind());
            }
            case REFUSE -> {
                say(v.say());
                publish(LanePhase.REFUSED, read, null, null, v.decision(), List.of(), null);
            }
        }
    }

    private ParkingOrder admit(PlateRead read, EntryLadder.EntryVerdict v) {
        Instant at = read.readAt();
        String orderId = s.orders().nextOrderId(lane.id(), at);
        String image = s.images().save(orderId + "-in", read.image()).orElse(null);
        ParkingOrder order = ParkingOrder.entered(orderId, read.plate(), s.vehicleClass(), lane.id(), at,
                s.operator().get(), image, v.kind(), v.cardId(), v.note());
        int empty = Math.max(0, s.spaces().free() - 1);
        s.orders().recordEntry(order, empty);
        if (v.kind() == CarKind.VISITOR) {
            s.lists().visitorEntered(read.plate(), at);
        }
        openGate(GateEvent.Cause.ENTRY_ACCEPTED, orderId, null);
        say(v.say());
        LOG.info("Lane {}: {} entered as {}, order {}, {} spaces left [{}]", lane.id(), read.plate(),
                v.kind().label(), orderId, empty, v.decision().step());
        clearPending();
        publish(LanePhase.ENTERED, read, order, null, v.decision(), List.of(), v.kind());
        return order;
    }

    private void exit(PlateRead read) {
        String plate = read.plate();
        if (plate.isEmpty()) {
            pendingRead = read;
            say(s.texts().waitPlease(""));
            publish(LanePhase.NO_RECORD, read, null, null, Decision.of(Step.READ_QUALITY, "exit.noplate"), List.of(),
                    null);
            return;
        }
        Optional<ParkingOrder> exact = s.orders().findInLot(plate);
        if (exact.isPresent()) {
            exitWith(exact.get(), read);
            return;
        }
        List<LaneState.Candidate> candidates = new ArrayList<>();
        for (PlateCandidate c : matcher.rank(plate, s.orders().inLotPlates())) {
            if (candidates.size() == MAX_CANDIDATES) {
                break;
            }
            s.orders().findInLot(c.plate()).ifPresent(o -> candidates.add(new LaneState.Candidate(c, o)));
        }
        pendingRead = read;
        s.images().save(lane.id() + "-" + IMAGE_STAMP.format(read.readAt()) + "-unmatched", read.image());
        say(s.texts().noRecord(plate));
        if (candidates.isEmpty()) {
            // a listed car that entered while nothing recorded it still leaves as what it is
            PlateStatus status = s.lists().lookup(plate, read.readAt());
            if (status.white().isPresent() || status.monthly().isPresent()) {
                LOG.info("Lane {}: {} has no entry record but is on the lists; deciding as a listed car", lane.id(),
                        plate);
                String orderId = s.orders().nextOrderId(lane.id(), read.readAt());
                ParkingOrder order = ParkingOrder.entered(orderId, plate, s.vehicleClass(), lane.id(), read.readAt(),
                        s.operator().get(), null, status.monthly().isPresent() ? CarKind.MONTHLY : CarKind.WHITE,
                        status.monthly().map(m -> m.cardId()).orElse(null), "无入场记录");
                s.orders().recordEntry(order, s.spaces().free());
                exitWith(order, read);
                return;
            }
            LOG.info("Lane {}: no in-lot record for {} and nothing similar [{}]", lane.id(), plate, Step.MATCH);
            publish(LanePhase.NO_RECORD, read, null, null, Decision.of(Step.MATCH, "exit.norecord", plate),
                    List.of(), null);
            return;
        }
        LOG.info("Lane {}: no exact record for {}; {} similar: {} [{}]", lane.id(), plate, candidates.size(),
                candidates.stream().map(c -> c.match().plate() + "(" + c.match().score() + ")").toList(), Step.MATCH);
        publish(LanePhase.AWAITING_MATCH, read, null, null, Decision.of(Step.MATCH, "exit.candidates", plate,
                candidates.size()), candidates, null);
    }

    /** The rungs after the match, for this stay ({@code read} keeps the plate as the camera read it). */
    private void exitWith(ParkingOrder order, PlateRead read) {
        PlateStatus status = s.lists().lookup(order.plate(), read.readAt());
        List<Coupon> coupons = s.lists().couponsFor(order.plate(), order.orderId(), read.readAt());
        ExitLadder.ExitVerdict v = exitLadder.decide(order, read.readAt(), status, coupons, s.fees());
        LOG.info("Lane {}: {} order {} -> {} [{}]{}", lane.id(), order.plate(), order.orderId(), v.outcome(),
                v.decision(), v.quote() == null ? "" : " fee " + Fen.format(v.quote().totalFen()) + " of "
                        + Fen.format(v.quote().grossFen()));
        switch (v.outcome()) {
            case RELEASE -> release(order, read, v.kind(), v.method(), v.quote(), 0, v.freeReason(),
                    v.decision(), v.say());
            case ASK_ATTENDANT -> {
                pendingRead = read;
                pendingOrder = order;
                pendingExit = v;
                pendingCoupons = coupons;
                say(v.say());
                publish(LanePhase.AWAITING_CONFIRMATION, read, order, v.quote(), v.decision(), List.of(),
                        v.kind());
            }
            case CHARGE -> awaitPayment(order, read, v, coupons);
            case REFUSE -> {
                say(v.say());
                publish(LanePhase.REFUSED, read, order, null, v.decision(), List.of(), order.kind());
            }
        }
    }

    private void awaitPayment(ParkingOrder order, PlateRead read, ExitLadder.ExitVerdict v, List<Coupon> coupons) {
        pendingRead = read;
        pendingOrder = order;
        pendingExit = v;
        pendingCoupons = coupons;
        say(v.say());
        publish(LanePhase.AWAITING_PAYMENT, read, order, v.quote(), v.decision(), List.of(), v.kind());
    }

    /** Closes the stay (H2 first, with its out_park), then opens the gate and says goodbye. */
    private ParkingOrder release(ParkingOrder order, PlateRead read, CarKind kind, PaymentMethod method,
                                 FeeQuote quote, long paid, String freeReason, Decision d, LaneTexts.Say say) {
        String image = s.images().save(order.orderId() + "-out", read.image()).orElse(null);
        long due = quote == null ? 0 : quote.grossFen();
        long discount = quote == null ? 0 : quote.discountFen();
        // the plate as read, when the stay was found under another (attendant's pick, correction)
        String exitPlate = read.plate().equals(order.plate()) ? null : read.plate();
        ParkingOrder closed = order.closed(new ParkingOrder.Settlement(lane.id(), read.readAt(), due, paid, method,
                s.operator().get(), image, discount, freeReason, exitPlate, kind));
        if (quote != null && quote.balanceFen() > 0 && order.cardId() != null) {
            if (!s.lists().chargeStoredValue(order.cardId(), quote.balanceFen(), order.orderId(), read.readAt())) {
                throw new LaneException("storedvalue.short", "stored-value card " + order.cardId()
                        + " cannot pay " + Fen.format(quote.balanceFen()));
            }
        }
        int empty = Math.min(s.spaces().capacity(), s.spaces().free() + 1);
        s.orders().recordExit(closed, empty);
        if (discount > 0 && quote != null) {
            quote.couponDeductions(pendingCoupons).forEach((id, fen) ->
                    s.lists().couponDeducted(id, order.orderId(), fen, read.readAt()));
        }
        GateEvent.Cause cause = paid > 0 || method == PaymentMethod.PREPAID || method == PaymentMethod.STORED_VALUE
                ? GateEvent.Cause.EXIT_PAID : GateEvent.Cause.EXIT_FREE;
        openGate(cause, order.orderId(), freeReason);
        say(say);
        LOG.info("Lane {}: {} left, order {} closed: due {}, paid {} by {}{} [{}]", lane.id(), order.plate(),
                order.orderId(), Fen.format(due), Fen.format(paid), method,
                freeReason == null ? "" : " (" + freeReason + ")", d.step());
        clearPending();
        publish(LanePhase.RELEASED, read, closed, quote, d, List.of(), kind);
        return closed;
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private boolean isRepeat(String plate, Instant at) {
        return plate.equals(lastPlate) && lastPlateAt != null
                && !at.isBefore(lastPlateAt) && at.isBefore(lastPlateAt.plus(s.debounce()));
    }

    private void clearPending() {
        pendingRead = null;
        pendingEntry = null;
        pendingOrder = null;
        pendingExit = null;
        pendingCoupons = List.of();
    }

    private void openGate(GateEvent.Cause cause, String orderId, String reason) {
        s.gates().record(new GateEvent(lane.id(), s.clock().instant(), GateEvent.Action.OPEN, cause,
                s.operator().get(), orderId, reason));
        s.signals().openGate(lane);
    }

    private void say(LaneTexts.Say say) {
        s.signals().announce(lane, say.lines(), say.voice());
    }

    private String pseudoPlate() {
        StringBuilder p = new StringBuilder("无");
        for (int i = 0; i < 6; i++) {
            p.append(PSEUDO_PLATE_CHARS.charAt(random.nextInt(PSEUDO_PLATE_CHARS.length())));
        }
        return p.toString();
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new LaneException("reason.required", "a reason is required");
        }
    }

    private static PlateRead withPlate(PlateRead r, String plate) {
        return new PlateRead(r.laneId(), plate, r.colorCode(), r.confidence(), r.readAt(), r.image(), r.source());
    }

    private void publish(LanePhase phase, PlateRead read, ParkingOrder order, FeeQuote quote, Decision d,
                         List<LaneState.Candidate> candidates, CarKind kind) {
        state.set(new LaneState(lane, phase, read, order, quote, d, candidates, kind, s.clock().instant()));
    }

    /** For events from devices and the cloud: failures are logged and shown on the lane, never thrown back. */
    private CompletableFuture<Void> quietly(Runnable action) {
        return run(action).exceptionally(e -> null);
    }

    private CompletableFuture<Void> run(Runnable action) {
        return CompletableFuture.runAsync(() -> guarded(() -> {
            action.run();
            return null;
        }), worker);
    }

    private <T> CompletableFuture<T> call(java.util.function.Supplier<T> action) {
        return CompletableFuture.supplyAsync(() -> guarded(action), worker);
    }

    /** Attendant mistakes (LaneException) go back to the caller; failures are logged and shown on the lane. */
    private <T> T guarded(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (LaneException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("Lane {}: failed: {}", lane.id(), e.toString(), e);
            LaneState now = state.get();
            publish(LanePhase.ERROR, now.lastRead(), now.order(), now.quote(),
                    Decision.of(Step.ATTENDANT, "lane.error", String.valueOf(e.getMessage())), List.of(), now.kind());
            clearPending();
            throw e;
        }
    }
}
