package com.boothdesk.app.domain.lane;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.common.Observable;
import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.fee.Fen;
import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;

/**
 * Decides what happens at one lane. All work runs on the lane's own single-thread executor, in arrival order, so
 * two plate reads or a plate read and a key press never race. Nothing here blocks its caller.
 */
public final class LaneController {

    private static final Logger LOG = LoggerFactory.getLogger(LaneController.class);
    private static final DateTimeFormatter IMAGE_STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
            .withZone(java.time.ZoneOffset.UTC);

    private final LaneInfo lane;
    private final LaneServices s;
    private final Executor worker;
    private final Observable<LaneState> state;

    /** Last plate accepted at this lane, for the debounce; touched only on the worker. */
    private String lastPlate;
    private Instant lastPlateAt;

    public LaneController(LaneInfo lane, LaneServices services, Executor worker) {
        this.lane = lane;
        this.s = services;
        this.worker = worker;
        this.state = new Observable<>(LaneState.idle(lane, services.clock().instant()));
    }

    public LaneInfo lane() {
        return lane;
    }

    public Observable<LaneState> state() {
        return state;
    }

    /** A camera read a plate at this lane. Returns at once. */
    public CompletableFuture<Void> onPlate(PlateRead read) {
        return CompletableFuture.runAsync(() -> {
            try {
                handle(read);
            } catch (RuntimeException e) {
                LOG.error("Lane {}: failed to process {}", lane.id(), read, e);
                publish(LanePhase.ERROR, read, null, null, "lane.error", List.of(String.valueOf(e.getMessage())));
            }
        }, worker);
    }

    /**
     * The attendant takes cash for the car waiting at this exit. Completes with the change to give, or
     * exceptionally with a {@link LaneException} when there is nothing to settle or the cash is short.
     */
    public CompletableFuture<SettleResult> settleCash(long tenderedFen) {
        return CompletableFuture.supplyAsync(() -> settle(tenderedFen), worker);
    }

    private void handle(PlateRead read) {
        String plate = read.plate().trim();
        if (plate.isEmpty()) {
            LOG.info("Lane {}: camera {} saw a car without a readable plate; ignored", lane.id(), read.source());
            return;
        }
        if (isRepeat(plate, read.readAt())) {
            LOG.debug("Lane {}: {} read again within {}; ignored", lane.id(), plate, s.debounce());
            return;
        }
        lastPlate = plate;
        lastPlateAt = read.readAt();
        if (lane.direction() == LaneDirection.ENTRY) {
            enter(read, plate);
        } else {
            exit(read, plate);
        }
    }

    private boolean isRepeat(String plate, Instant at) {
        return plate.equals(lastPlate) && lastPlateAt != null
                && !at.isBefore(lastPlateAt) && at.isBefore(lastPlateAt.plus(s.debounce()));
    }

    private void enter(PlateRead read, String plate) {
        Instant at = read.readAt();
        String orderId = s.orders().nextOrderId(lane.id(), at);
        String image = s.images().save(orderId + "-in", read.image()).orElse(null);
        ParkingOrder order = ParkingOrder.entered(orderId, plate, s.vehicleClass(), lane.id(), at,
                s.operator().get(), image);
        int empty = Math.max(0, s.capacity() - s.orders().countInLot() - 1);
        s.orders().recordEntry(order, empty);
        openGate(GateEvent.Cause.ENTRY_ACCEPTED, orderId, null);
        s.signals().announce(lane, LaneTexts.welcomeLines(plate), LaneTexts.welcomeVoice(plate));
        LOG.info("Lane {}: {} entered, order {}, {} spaces left", lane.id(), plate, orderId, empty);
        publish(LanePhase.ENTERED, read, order, null, "lane.entered", List.of(plate));
    }

    private void exit(PlateRead read, String plate) {
        LaneState before = state.get();
        if (before.phase() == LanePhase.AWAITING_PAYMENT && before.order() != null) {
            LOG.warn("Lane {}: {} read while {} was still waiting to pay; the new car replaces it", lane.id(),
                    plate, before.order().plate());
        }
        Optional<ParkingOrder> found = s.orders().findInLot(plate);
        if (found.isEmpty()) {
            s.images().save(lane.id() + "-" + IMAGE_STAMP.format(read.readAt()) + "-norecord", read.image());
            s.signals().announce(lane, LaneTexts.noRecordLines(plate), "");
            LOG.info("Lane {}: no in-lot record for {}", lane.id(), plate);
            publish(LanePhase.NO_RECORD, read, null, null, "lane.norecord", List.of(plate));
            return;
        }
        ParkingOrder order = found.get();
        FeeQuote quote = s.fees().quote(order.carType(), order.inTime(), read.readAt());
        LOG.info("Lane {}: {} order {} in since {}, fee {} ({} before reductions)", lane.id(), plate,
                order.orderId(), order.inTime(), Fen.format(quote.totalFen()), Fen.format(quote.grossFen()));
        if (quote.totalFen() == 0) {
            release(order, read, quote, 0, PaymentMethod.FREE, "lane.released.free");
            return;
        }
        s.signals().announce(lane, LaneTexts.feeDueLines(plate, order.stay(read.readAt()), quote.totalFen()),
                LaneTexts.feeDueVoice(order.stay(read.readAt()), quote.totalFen()));
        publish(LanePhase.AWAITING_PAYMENT, read, order, quote, "lane.awaiting",
                List.of(plate, Fen.format(quote.totalFen())));
    }

    private SettleResult settle(long tenderedFen) {
        LaneState now = state.get();
        if (now.phase() != LanePhase.AWAITING_PAYMENT || now.order() == null || now.quote() == null) {
            throw new LaneException("settle.nothing", "lane " + lane.id() + " has no car waiting to pay");
        }
        long due = now.quote().totalFen();
        long tendered = tenderedFen <= 0 ? due : tenderedFen;
        if (tendered < due) {
            throw new LaneException("settle.short",
                    "tendered " + Fen.format(tendered) + " is less than the fee " + Fen.format(due));
        }
        ParkingOrder closed = release(now.order(), now.lastRead(), now.quote(), due, PaymentMethod.CASH,
                "lane.released.cash");
        return new SettleResult(closed, tendered, tendered - due);
    }

    private ParkingOrder release(ParkingOrder order, PlateRead read, FeeQuote quote, long paid, PaymentMethod method,
                                 String messageKey) {
        String image = s.images().save(order.orderId() + "-out", read.image()).orElse(null);
        ParkingOrder closed = order.closed(lane.id(), read.readAt(), quote.totalFen(), paid, method,
                s.operator().get(), image, null);
        int empty = Math.min(s.capacity(), Math.max(0, s.capacity() - s.orders().countInLot() + 1));
        s.orders().recordExit(closed, empty);
        openGate(method == PaymentMethod.FREE ? GateEvent.Cause.EXIT_FREE : GateEvent.Cause.EXIT_PAID,
                order.orderId(), null);
        s.signals().announce(lane, LaneTexts.goodbyeLines(order.plate()), LaneTexts.goodbyeVoice());
        LOG.info("Lane {}: {} left, order {} closed, {} paid by {}", lane.id(), order.plate(), order.orderId(),
                Fen.format(paid), method);
        publish(LanePhase.RELEASED, read, closed, quote, messageKey, List.of(order.plate(), Fen.format(paid)));
        return closed;
    }

    private void openGate(GateEvent.Cause cause, String orderId, String reason) {
        s.gates().record(new GateEvent(lane.id(), s.clock().instant(), GateEvent.Action.OPEN, cause,
                s.operator().get(), orderId, reason));
        s.signals().openGate(lane);
    }

    private void publish(LanePhase phase, PlateRead read, ParkingOrder order, FeeQuote quote, String key,
                         List<Object> args) {
        state.set(new LaneState(lane, phase, read, order, quote, key, args, s.clock().instant()));
    }
}
