package com.boothdesk.app.domain.lane;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.common.Observable;
import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.gate.BarrierAction;
import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.gate.GateOutcome;
import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.plate.SafeText;

/**
 * The lane's state and its hands, shared by the entry flow, the exit flow and the gate override; used only on the
 * lane's worker thread. It holds the one {@link Waiting} state, the camera read's journal entry until the read is
 * decided, and carries out what the flows decide: publish, say, move the barrier and record what the device
 * confirmed.
 */
final class LaneCore {

    private static final Logger LOG = LoggerFactory.getLogger(LaneController.class);
    static final DateTimeFormatter IMAGE_STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
            .withZone(java.time.ZoneOffset.UTC);

    final LaneInfo lane;
    final LaneServices s;
    final Observable<LaneState> state;
    /** The booth's start: offline re-pushes older than this minus the configured days go to the attendant. */
    final Instant startedAt;
    private Waiting waiting;
    /** The journal entry of the read being decided or waited on; -1 when none. */
    private long intake = -1;

    LaneCore(LaneInfo lane, LaneServices s) {
        this.lane = lane;
        this.s = s;
        this.startedAt = s.clock().instant();
        this.state = new Observable<>(LaneState.idle(lane, startedAt));
    }

    // ---- what waits --------------------------------------------------------------------------------------------

    Waiting waiting() {
        return waiting;
    }

    /** A new camera read arrives: what waited is superseded (the screen shows the new car). */
    void beginRead(long journalId) {
        if (intake >= 0) {
            s.journal().settle(intake, waiting == null ? "decided" : "superseded");
        }
        waiting = null;
        intake = journalId;
    }

    /** The read's flow returned: unless it waits for the attendant, it is decided. */
    void endRead() {
        if (waiting == null && intake >= 0) {
            s.journal().settle(intake, "decided");
            intake = -1;
        }
    }

    /** The journal entry of the read being decided (-1: none), for the store to settle with the stay it records. */
    long intake() {
        return intake;
    }

    /** The store settled the read's journal entry in the transaction that recorded its outcome ({@code settled}). */
    void settledInStore(boolean settled) {
        if (settled) {
            intake = -1;
        }
    }

    /** The lane waits for the attendant; published with the phase of {@code w}. */
    void await(Waiting w, ParkingOrder order, FeeQuote quote, Decision d, List<LaneState.Candidate> candidates,
               CarKind kind) {
        waiting = w;
        publish(w.phase(), w.read(), order, quote, d, candidates, kind);
    }

    /** Nothing waits any more; the read waited on (if any) is settled. */
    void clear() {
        waiting = null;
        if (intake >= 0) {
            s.journal().settle(intake, "attended");
            intake = -1;
        }
    }

    /** After a failure: nothing waits, but the read stays in the journal (shown again after a restart). */
    void dropAfterError() {
        waiting = null;
    }

    void publish(LanePhase phase, PlateRead read, ParkingOrder order, FeeQuote quote, Decision d,
                 List<LaneState.Candidate> candidates, CarKind kind) {
        state.set(new LaneState(lane, phase, read, order, quote, d, candidates, kind, s.clock().instant()));
    }

    /** The same screen with another decision line (an attendant's action that changed nothing else). */
    void republish(Decision d) {
        LaneState now = state.get();
        publish(now.phase(), now.lastRead(), now.order(), now.quote(), d, now.candidates(), now.kind());
    }

    void say(LaneTexts.Say say) {
        s.signals().announce(lane, say.lines(), say.voice());
    }

    // ---- the fee class (proto3) ----------------------------------------------------------------------------------

    /**
     * The fee class a car is priced with, decided when its stay is recorded: the site's mapping of the cloud's car
     * type and the plate colour ({@link VehicleClasses}); {@code status} null: looked up. A failing mapping never
     * stops an entry: the default class, with a warning.
     */
    String classAtEntry(PlateRead read, com.boothdesk.app.domain.lists.PlateStatus status) {
        try {
            com.boothdesk.app.domain.lists.PlateStatus st = status != null ? status : read.plate().isEmpty()
                    ? com.boothdesk.app.domain.lists.PlateStatus.none("", read.readAt())
                    : s.lists().lookup(read.plate(), read.readAt());
            String c = s.classes().atEntry(read, st);
            return c == null || c.isBlank() ? s.vehicleClass() : c;
        } catch (RuntimeException e) {
            LOG.warn("Lane {}: the fee class of {} could not be decided ({}); priced as {}", lane.id(),
                    SafeText.plate(read.plate()), SafeText.of(e.toString(), 120), s.vehicleClass());
            return s.vehicleClass();
        }
    }

    // ---- the attendant -------------------------------------------------------------------------------------------

    String operator() {
        String op = s.operator().get();
        return op == null ? "" : op;
    }

    /** Taking or forgiving money, or moving a barrier by hand, needs an attendant logged in. */
    String requireLogin() {
        String op = s.operator().get();
        if (op == null || op.isBlank()) {
            throw new LaneException("lane.login_required", "no attendant is logged in at " + lane.id());
        }
        return op;
    }

    static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new LaneException("reason.required", "a reason is required");
        }
        return reason.trim();
    }

    // ---- the barrier -------------------------------------------------------------------------------------------

    /**
     * Moves the barrier, waits (bounded) for what the device confirms, and records that: a failed or unconfirmed
     * command is recorded as failed and is no passage.
     */
    GateOutcome gate(BarrierAction action, GateEvent.Cause cause, String operator, String orderId, String reason,
                     String image) {
        GateOutcome outcome;
        try {
            outcome = s.signals().move(lane, action).get(s.gateTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (outcome == null) {
                outcome = GateOutcome.failed("no answer");
            }
        } catch (TimeoutException e) {
            outcome = GateOutcome.failed("no confirmation within " + s.gateTimeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            outcome = GateOutcome.failed(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = GateOutcome.failed("interrupted");
        }
        String op = operator == null || operator.isBlank() ? "system" : operator;
        s.gates().record(new GateEvent(lane.id(), s.clock().instant(), GateEvent.of(action), cause, op, orderId,
                reason, image, outcome));
        if (!outcome.moved()) {
            LOG.warn("Lane {}: barrier {} NOT confirmed ({}: {}); recorded as failed", lane.id(), action,
                    outcome.result(), SafeText.of(outcome.detail(), 120));
        }
        return outcome;
    }

    /** A picture of the lane now, saved as evidence of a manual movement; null when none could be taken. */
    String evidence(Instant at) {
        return s.snapshots().take(lane)
                .flatMap(jpeg -> s.images().save(lane.id() + "-manual-" + IMAGE_STAMP.format(at), jpeg))
                .orElse(null);
    }
}
