package com.boothdesk.app.domain.lane;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.common.Observable;
import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.gate.BarrierAction;
import com.boothdesk.app.domain.lists.PlateStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.plate.PlateGrammar;
import com.boothdesk.app.domain.plate.PlateMatcher;
import com.boothdesk.app.domain.plate.SafeText;

/**
 * One lane, as a small actor: every event and attendant action runs on the lane's own single-thread executor, in
 * arrival order, so reads and actions never race and nothing here blocks its caller. Failures are logged and shown
 * on the lane (ERROR); an attendant's mistake comes back as a {@link LaneException} with its message key.
 *
 * <p>The deciding is done by the {@link EntryFlow} or the {@link ExitFlow} (ladders, then the barrier, then the
 * record), the barrier by hand by the {@link GateOverride}; the lane's memory between a read and the attendant is
 * one {@link Waiting} state. Every read is first checked against the {@link PlateGrammar}: a no-plate read is a car
 * without a plate, anything else that is no plate goes to the attendant, shown safely.
 */
public final class LaneController {

    private static final Logger LOG = LoggerFactory.getLogger(LaneController.class);

    private volatile LaneInfo lane; // proto4: renamed by the cloud's 3.13 (id and direction never change)
    private final Observable<LaneInfo> info;
    private final LaneServices s;
    private final Executor worker;
    private final LaneCore core;
    private final EntryFlow entry;
    private final ExitFlow exit;
    private final GateOverride override;
    private final List<java.util.function.BiConsumer<SettleResult, FeeQuote>> cashSettled =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    // ---- the debounce's memory; touched only on the worker ----
    private String lastPlate;
    private Instant lastPlateAt;
    /** Counts the lane's events and actions (worker only): a pending return to the idle text checks it is the last. */
    private long generation;
    /** Runs a task on the worker after a delay: the LED's return to the idle text. */
    private final java.util.function.BiConsumer<java.time.Duration, Runnable> later;

    public LaneController(LaneInfo lane, LaneServices services, Executor worker) {
        this(lane, services, worker, (delay, task) -> CompletableFuture.delayedExecutor(delay.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS, worker).execute(task));
    }

    /** With the delayed tasks handed to {@code later}, which runs them on the worker (tests run them at will). */
    LaneController(LaneInfo lane, LaneServices services, Executor worker,
                   java.util.function.BiConsumer<java.time.Duration, Runnable> later) {
        this.lane = lane;
        this.info = new Observable<>(lane);
        this.s = services;
        this.worker = worker;
        this.later = later;
        this.core = new LaneCore(lane, services);
        this.entry = new EntryFlow(core);
        this.exit = new ExitFlow(core);
        this.override = new GateOverride(core);
    }

    /**
     * proto4, 3.13 gate_sync: the name the cloud gives this lane's channel (the channel id is the lane id and
     * stays, as does the direction). Shown wherever the lane's name is read from now on. Safe on any thread.
     */
    public void rename(String name) {
        String n = name == null ? "" : name.strip();
        if (!n.isEmpty() && !n.equals(lane.name())) {
            LOG.info("Lane {}: shown as '{}' (was '{}')", lane.id(), SafeText.of(n, 24), lane.name());
            lane = new LaneInfo(lane.id(), n, lane.direction());
            info.set(lane);
        }
    }

    public LaneInfo lane() {
        return lane;
    }

    /** The lane's name and direction as 3.13 renames it (the screen's title follows). */
    public Observable<LaneInfo> info() {
        return info;
    }

    public Observable<LaneState> state() {
        return core.state;
    }

    public LaneRules rules() {
        return s.rules();
    }

    // ---- events ---------------------------------------------------------------------------------------------

    /** A camera read a plate at this lane. Returns at once. */
    public CompletableFuture<Void> onPlate(PlateRead read) {
        return onCameraRead(read, false, -1);
    }

    /**
     * A read the camera kept while the booth could not be reached, re-pushed later (Zhenshi {@code isoffline}). The
     * car has passed already: a plausible entry is recorded (no gate) so that its exit finds it; an implausible one
     * (time outside the window, no plate, no room, not a plate) waits for the attendant; an exit is only logged,
     * since nobody was charged.
     */
    public CompletableFuture<Void> onOfflineRead(PlateRead read) {
        return onCameraRead(read, true, -1);
    }

    /**
     * A camera read, already in the intake journal under {@code journalId} (-1: not journaled). Completes once the
     * lane decided it (or shows it to the attendant).
     */
    public CompletableFuture<Void> onCameraRead(PlateRead raw, boolean offline, long journalId) {
        return quietly(() -> {
            core.beginRead(journalId);
            try {
                handle(raw, offline, false);
            } finally {
                core.endRead();
            }
        });
    }

    private void handle(PlateRead raw, boolean offline, boolean attended) {
        PlateGrammar.Checked checked = raw.noPlateByType() ? PlateGrammar.check("") : PlateGrammar.check(raw.plate());
        String invalid = checked.kind() == PlateGrammar.Kind.INVALID ? checked.shown() : null;
        PlateRead read = withPlate(raw, checked.plate());
        if (offline) {
            if (lane.direction() == LaneDirection.EXIT) {
                LOG.warn("Lane {}: camera re-pushed an offline exit of '{}' at {}; nothing was charged [{}]",
                        lane.id(), checked.shown(), read.readAt(), Step.READ_QUALITY);
                return;
            }
            entry.onOffline(read, invalid);
            return;
        }
        String plate = read.plate();
        if (!attended && checked.isPlate() && isRepeat(plate, read.readAt())) {
            LOG.debug("Lane {}: {} read again within {}; ignored [{}]", lane.id(), plate, s.debounce(),
                    Step.DEBOUNCE);
            return;
        }
        if (checked.isPlate()) {
            lastPlate = plate;
            lastPlateAt = read.readAt();
        }
        if (lane.direction() == LaneDirection.ENTRY) {
            if (attended && invalid == null) {
                entry.decide(read, true);
            } else {
                entry.onRead(read, invalid);
            }
        } else {
            exit.onRead(read, invalid, attended);
        }
    }

    /**
     * After a restart: the camera reads that were answered but never decided (the intake journal) are decided again
     * with the attendant in the loop (nothing opens by itself) and shown; the newest stays on the screen.
     */
    public CompletableFuture<Void> recoverPending() {
        return quietly(() -> {
            List<IntakeJournal.Entry> pending = s.journal().pending(lane.id());
            for (IntakeJournal.Entry e : pending) {
                LOG.warn("Lane {}: read '{}' of {} was answered but not decided before the booth stopped; shown to"
                        + " the attendant", lane.id(), SafeText.plate(e.read().plate()), e.receivedAt());
                core.beginRead(e.id());
                try {
                    handle(e.read(), e.offline(), true);
                } finally {
                    core.endRead();
                }
            }
        });
    }

    /** The cloud created a no-plate stay (3.3 nolicence_in_park): the driver scanned the entry QR code. */
    public CompletableFuture<ParkingOrder> admitNoPlate(String pseudoPlate, Instant at) {
        return call(() -> entry.admitNoPlate(pseudoPlate, at));
    }

    /** Money was paid for a stay before the exit (3.2): if that car waits here, decide again. */
    public CompletableFuture<Void> prepaid(String orderId) {
        return quietly(() -> {
            if (core.waiting() instanceof Waiting.Payment p && p.order().orderId().equals(orderId)) {
                exit.prepaid(p);
            }
        });
    }

    /**
     * proto4, 3.44 fixed_charge: the cloud charges {@code fen} to the car with no stay ({@code plate}) waiting at this
     * exit: its order becomes 待支付 with that price, so the exit QR, a pay code or cash takes it. Completes with
     * the car's order id, or empty when no car of that plate waits here without a stay (nothing changed).
     */
    public CompletableFuture<Optional<String>> fixedCharge(String plate, long fen, String by) {
        return call(() -> {
            Waiting w = core.waiting();
            if (lane.direction() != LaneDirection.EXIT || w == null || !w.read().plate().equals(plate)) {
                return Optional.empty();
            }
            if (w instanceof Waiting.Plate || w instanceof Waiting.Match) {
                exit.fixedCharge(w.read(), null, fen, by);
            } else if (w instanceof Waiting.Payment p && p.verdict().quote() != null
                    && ExitFlow.isSetPrice(p.verdict().quote())) {
                exit.fixedCharge(w.read(), p.order(), fen, by); // a no-record fee charged here is priced again
            } else {
                return Optional.empty();
            }
            return Optional.ofNullable(core.state.get().order()).map(ParkingOrder::orderId);
        });
    }

    /** The cloud's remote lift or drop (3.18): recorded with who and why, and a picture of the lane. */
    public CompletableFuture<Void> gate(boolean open, String operator, String reason, String orderId) {
        return run(() -> override.move(open ? BarrierAction.OPEN : BarrierAction.CLOSE, operator, reason, orderId));
    }

    /** The attendant's manual override: lifts or lowers the barrier whatever the lane decided. */
    public CompletableFuture<Void> override(boolean open, String reason) {
        return barrier(open ? BarrierAction.OPEN : BarrierAction.CLOSE, reason);
    }

    /**
     * The attendant's manual barrier command for this lane (any lane, entry or exit): open, close, keep open, release
     * keep-open. Needs an attendant logged in and a reason; recorded with who, why, a picture and what the device
     * confirmed, and reported as 2.11 when the barrier moved. Fails with {@code lane.gate.failed} when the device did
     * not confirm, {@code lane.gate.unsupported} where the route cannot do it (the camera relay only pulses).
     */
    public CompletableFuture<Void> barrier(BarrierAction action, String reason) {
        return run(() -> {
            String op = core.requireLogin();
            LaneState now = core.state.get();
            override.move(action, op, reason, now.order() == null ? null : now.order().orderId());
        });
    }

    // ---- the attendant ----------------------------------------------------------------------------------------

    /** Confirms what waits for confirmation (an entry, or a free exit). */
    public CompletableFuture<Void> confirm() {
        return run(() -> {
            Waiting w = core.waiting();
            if (w instanceof Waiting.EntryConfirmation e) {
                entry.confirm(e);
            } else if (w instanceof Waiting.ExitConfirmation x) {
                exit.confirm(x);
            } else {
                throw new LaneException("confirm.nothing", "nothing waits for confirmation at " + lane.id());
            }
        });
    }

    /** Refuses what waits (the car does not pass); the gate stays shut. */
    public CompletableFuture<Void> refuse() {
        return run(() -> {
            LaneState now = core.state.get();
            Waiting w = core.waiting();
            if (w == null && (now.phase() == LanePhase.IDLE || now.phase() == LanePhase.ENTERED
                    || now.phase() == LanePhase.RELEASED)) {
                throw new LaneException("refuse.nothing", "nothing to refuse at " + lane.id());
            }
            String plate = w == null ? "" : w.read().plate();
            LOG.info("Lane {}: attendant refused {} [{}]", lane.id(), plate, Step.ATTENDANT);
            core.clear();
            // the refused car gets no more of the fee or the welcome: the LED shows the lane's idle text
            core.say(idleText());
            core.publish(LanePhase.REFUSED, now.lastRead(), null, null, Decision.of(Step.ATTENDANT, "lane.refused",
                    plate), List.of(), null);
        });
    }

    /**
     * The attendant typed the right plate. Entry: the car waiting is decided again under it, or the stay just
     * created gets it. Exit: the stay is looked up again under it.
     */
    public CompletableFuture<Void> correctPlate(String typed) {
        return run(() -> {
            String plate = typedPlate(typed);
            LaneState now = core.state.get();
            Waiting w = core.waiting();
            if (w == null && lane.direction() == LaneDirection.ENTRY && now.phase() == LanePhase.ENTERED
                    && now.order() != null) {
                ParkingOrder fixed = s.orders().correctPlate(now.order().orderId(), plate);
                LOG.info("Lane {}: attendant corrected {} to {} on order {} [{}]", lane.id(), now.order().plate(),
                        plate, fixed.orderId(), Step.ATTENDANT);
                core.publish(LanePhase.ENTERED, withPlate(now.lastRead(), plate), fixed, null,
                        Decision.of(Step.ATTENDANT, "lane.corrected", now.order().plate(), plate), List.of(),
                        fixed.kind());
                return;
            }
            PlateRead base = w != null ? w.read() : now.lastRead();
            if (base == null) {
                throw new LaneException("correct.nothing", "no read to correct at " + lane.id());
            }
            LOG.info("Lane {}: attendant corrected '{}' to {} [{}]", lane.id(), SafeText.plate(base.plate()), plate,
                    Step.ATTENDANT);
            lastPlate = plate;
            lastPlateAt = base.readAt();
            boolean offline = w instanceof Waiting.EntryConfirmation e && e.offline();
            // the attendant has checked the plate: it is as good as a certain read
            PlateRead fixed = base.withPlate(plate, 100, base.source() + "+attendant");
            core.dropAfterError(); // what waited is replaced; its journal entry stays until this one is decided
            if (lane.direction() == LaneDirection.ENTRY) {
                if (offline) {
                    entry.onOffline(fixed, null);
                } else {
                    entry.decide(fixed, false);
                }
            } else {
                exit.onRead(fixed, null, false);
            }
            core.endRead();
        });
    }

    /** Exit: the attendant picked the right stay among the similar plates (or from a search). */
    public CompletableFuture<Void> pick(String orderId) {
        return run(() -> {
            Waiting w = core.waiting();
            if (w == null || lane.direction() != LaneDirection.EXIT) {
                throw new LaneException("pick.nothing", "no car waits for a match at " + lane.id());
            }
            exit.pick(w, orderId);
        });
    }

    /** Exit with no record: charge the configured no-record fee; an attendant and a reason are required. */
    public CompletableFuture<Void> chargeNoRecord(String reason) {
        return run(() -> {
            Waiting w = core.waiting();
            if (!(w instanceof Waiting.Plate) && !(w instanceof Waiting.Match)) {
                throw new LaneException("norecord.nothing", "no unmatched car at " + lane.id());
            }
            core.requireLogin();
            exit.chargeNoRecord(w.read(), reason);
        });
    }

    /**
     * The attendant takes cash for the car waiting at this exit. Completes with the change to give, or
     * exceptionally with a {@link LaneException} when there is nothing to settle, the cash is short, nobody is
     * logged in, or the barrier did not confirm (then nothing was recorded: the car is still here, and waits).
     */
    public CompletableFuture<SettleResult> settleCash(long tenderedFen) {
        return call(() -> {
            SettleResult r = exit.settleCash(payment(), tenderedFen);
            FeeQuote quote = state().get().quote();
            for (java.util.function.BiConsumer<SettleResult, FeeQuote> l : cashSettled) {
                try {
                    l.accept(r, quote);
                } catch (RuntimeException e) {
                    LOG.warn("Lane {}: a cash-settled listener failed: {}", lane.id(), e.toString());
                }
            }
            return r;
        });
    }

    /**
     * shiftops: called on the lane thread after each cash settlement with its result and the fee as shown (the exit
     * receipt); a listener hands its work on and returns at once.
     */
    public void onCashSettled(java.util.function.BiConsumer<SettleResult, FeeQuote> listener) {
        cashSettled.add(java.util.Objects.requireNonNull(listener));
    }

    /** The attendant lets the waiting car go without paying; attendant and reason are mandatory and recorded. */
    public CompletableFuture<ParkingOrder> releaseFree(String reason) {
        return call(() -> exit.releaseFree(payment(), reason));
    }

    /** proto4: the start of the free reason of a stay let out to pay later (2.44 先走后付). */
    public static final String LATER_PAY = "先走后付";

    /**
     * proto4, 2.44 先走后付: the waiting car leaves now and pays later (the gate opens; the stay is closed with its
     * debt, uploaded as 2.44). Needs an attendant and a reason; who may is decided by the caller's rule.
     */
    public CompletableFuture<ParkingOrder> releaseLaterPay(String reason) {
        return call(() -> exit.releaseLaterPay(payment(), reason));
    }

    /**
     * proto3: the attendant switches the fee class of the car waiting at this exit (to pay, or to confirm): the fee is
     * recomputed for the same exit time and shown; the voice is not replayed. Needs an attendant logged in; the class
     * must be one the tariff prices.
     */
    public CompletableFuture<Void> switchClass(String vehicleClass) {
        return run(() -> {
            Waiting w = core.waiting();
            if (!(w instanceof Waiting.Payment) && !(w instanceof Waiting.ExitConfirmation)) {
                throw new LaneException("class.nothing", "no car waits at the exit " + lane.id());
            }
            core.requireLogin();
            String c = vehicleClass == null ? "" : vehicleClass.trim();
            if (s.classes().choices(s.clock().instant()).stream().noneMatch(ch -> ch.id().equals(c))) {
                throw new LaneException("class.unknown", "the tariff prices no class '" + SafeText.of(c, 24) + "'",
                        List.of(SafeText.of(c, 24)));
            }
            exit.switchClass(w, c);
        });
    }

    /** proto3: the classes the attendant may switch to (the tariff in force); safe on any thread. */
    public List<VehicleClasses.Choice> vehicleClasses() {
        return s.classes().choices(s.clock().instant());
    }

    private Waiting.Payment payment() {
        if (!(core.waiting() instanceof Waiting.Payment p)) {
            throw new LaneException(core.state.get().phase() == LanePhase.AWAITING_PAYMENT ? "settle.nothing"
                    : "free.nothing", "lane " + lane.id() + " has no car waiting to pay");
        }
        core.requireLogin();
        return p;
    }

    /** What the lane waits for the attendant to do, if anything (read-only view; safe on any thread). */
    public Optional<LanePhase> waitingPhase() {
        LaneState now = core.state.get();
        return switch (now.phase()) {
            case AWAITING_CONFIRMATION, AWAITING_MATCH, AWAITING_PAYMENT, NO_RECORD -> Optional.of(now.phase());
            default -> Optional.empty();
        };
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
        LaneState now = core.state.get();
        return now.phase() == LanePhase.AWAITING_PAYMENT && now.order() != null && now.quote() != null
                ? Optional.of(now) : Optional.empty();
    }

    /** In-lot stays whose plate contains {@code fragment}: the attendant's search when the match found nothing. */
    public List<ParkingOrder> search(String fragment) {
        String f = PlateMatcher.normalize(fragment);
        return f.isEmpty() || f.length() > 8 ? List.of() : s.orders().searchInLot(f, 20);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** A plate the attendant typed: the grammar's, or any 2-8 letters, digits and Chinese characters. */
    static String typedPlate(String typed) {
        String plate = PlateMatcher.normalize(typed);
        if (PlateGrammar.isPlate(plate) || plate.matches("[\\p{IsHan}A-Z0-9]{2,8}")) {
            return plate;
        }
        throw new LaneException("correct.bad", "'" + SafeText.plate(typed) + "' is not a plate");
    }

    private boolean isRepeat(String plate, Instant at) {
        return plate.equals(lastPlate) && lastPlateAt != null
                && !at.isBefore(lastPlateAt) && at.isBefore(lastPlateAt.plus(s.debounce()));
    }

    static PlateRead withPlate(PlateRead r, String plate) {
        return r.withPlate(plate, r.confidence(), r.source());
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

    private <T> CompletableFuture<T> call(Supplier<T> action) {
        return CompletableFuture.supplyAsync(() -> guarded(action), worker);
    }

    /** The lane's idle screen, with its area's free spaces. */
    private LaneTexts.Say idleText() {
        return s.texts().idle(s.spaces().free(s.spaces().areaOf(lane.id())));
    }

    /**
     * After an event or action (worker): when a car has just passed (entered, or released at the exit) and nothing
     * waits, the LED goes back to the idle text {@code idleAfter} later, unless another event came meanwhile.
     */
    private void idleLater(long event) {
        if (s.idleAfter().isZero() || core.waiting() != null) {
            return;
        }
        LanePhase phase = core.state.get().phase();
        if (phase != LanePhase.RELEASED && phase != LanePhase.ENTERED) {
            return;
        }
        later.accept(s.idleAfter(), () -> {
            if (generation == event && core.waiting() == null) {
                LOG.debug("Lane {}: the car has passed; LED back to the idle text", lane.id());
                core.say(idleText());
            }
        });
    }

    /** Attendant mistakes (LaneException) go back to the caller; failures are logged and shown on the lane. */
    private <T> T guarded(Supplier<T> action) {
        long event = ++generation;
        try {
            return action.get();
        } catch (LaneException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("Lane {}: failed: {}", lane.id(), SafeText.of(e.toString(), 300), e);
            LaneState now = core.state.get();
            core.publish(LanePhase.ERROR, now.lastRead(), now.order(), now.quote(),
                    Decision.of(Step.ATTENDANT, "lane.error", SafeText.of(String.valueOf(e.getMessage()), 120)),
                    List.of(), now.kind());
            core.dropAfterError();
            throw e;
        } finally {
            idleLater(event);
        }
    }
}
