package com.boothdesk.app.domain.lane;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.fee.Coupon;
import com.boothdesk.app.domain.fee.FeeLine;
import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.fee.Fen;
import com.boothdesk.app.domain.gate.BarrierAction;
import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.gate.GateOutcome;
import com.boothdesk.app.domain.lists.PlateStatus;
import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.domain.plate.PlateCandidate;
import com.boothdesk.app.domain.plate.PlateMatcher;
import com.boothdesk.app.domain.plate.SafeText;

/**
 * The exit lane's flow: the MATCH rung (exact, similar plates for the attendant's pick, none), then the exit ladder;
 * what needs the attendant waits as one {@link Waiting} (confirmation, payment, match, plate). A stay is closed
 * (with its out_park) only once the barrier device confirmed the open: the car is not out before. Runs on the
 * lane's worker only.
 */
final class ExitFlow {

    private static final Logger LOG = LoggerFactory.getLogger(LaneController.class);
    private static final int MAX_CANDIDATES = 5;

    private final LaneCore core;
    private final LaneServices s;
    private final ExitLadder ladder;
    private final PlateMatcher matcher;

    ExitFlow(LaneCore core) {
        this.core = core;
        this.s = core.s;
        this.ladder = new ExitLadder(s.rules(), s.clock().getZone(), s.texts());
        this.matcher = new PlateMatcher(s.rules().match());
    }

    /** A live read; {@code invalidShown} when the raw read was no plate (shown safely, never matched). */
    void onRead(PlateRead read, String invalidShown, boolean attended) {
        String plate = read.plate();
        if (invalidShown != null || plate.isEmpty()) {
            core.say(s.texts().waitPlease(""));
            Decision d = invalidShown != null ? Decision.of(Step.READ_QUALITY, "plate.invalid", invalidShown)
                    : Decision.of(Step.READ_QUALITY, "exit.noplate");
            core.await(new Waiting.Plate(read), null, null, d, List.of(), null);
            return;
        }
        Optional<ParkingOrder> exact = s.orders().findInLot(plate);
        if (exact.isPresent()) {
            decide(exact.get(), read, attended);
            return;
        }
        List<LaneState.Candidate> candidates = new ArrayList<>();
        for (PlateCandidate c : matcher.rank(plate, s.orders().inLotPlates())) {
            if (candidates.size() == MAX_CANDIDATES) {
                break;
            }
            s.orders().findInLot(c.plate()).ifPresent(o -> candidates.add(new LaneState.Candidate(c, o)));
        }
        s.images().save(core.lane.id() + "-" + LaneCore.IMAGE_STAMP.format(read.readAt()) + "-unmatched",
                read.image());
        core.say(s.texts().noRecord(plate));
        if (candidates.isEmpty()) {
            // a listed car that entered while nothing recorded it still leaves as what it is
            PlateStatus status = s.lists().lookup(plate, read.readAt());
            if (status.white().isPresent() || status.monthly().isPresent()) {
                LOG.info("Lane {}: {} has no entry record but is on the lists; deciding as a listed car",
                        core.lane.id(), plate);
                String orderId = s.orders().nextOrderId(core.lane.id(), read.readAt());
                ParkingOrder order = ParkingOrder.entered(orderId, plate, core.classAtEntry(read, status),
                        core.lane.id(), read.readAt(), core.operator(), null, status.monthly().isPresent() ? CarKind.MONTHLY
                                : CarKind.WHITE, status.monthly().map(m -> m.cardId()).orElse(null), "无入场记录");
                s.orders().recordEntry(order, s.spaces().free());
                decide(order, read, attended);
                return;
            }
            LOG.info("Lane {}: no in-lot record for {} and nothing similar [{}]", core.lane.id(), plate, Step.MATCH);
            core.await(new Waiting.Plate(read), null, null, Decision.of(Step.MATCH, "exit.norecord", plate),
                    List.of(), null);
            return;
        }
        LOG.info("Lane {}: no exact record for {}; {} similar: {} [{}]", core.lane.id(), plate, candidates.size(),
                candidates.stream().map(c -> c.match().plate() + "(" + c.match().score() + ")").toList(),
                Step.MATCH);
        core.await(new Waiting.Match(read, candidates), null, null, Decision.of(Step.MATCH, "exit.candidates", plate,
                candidates.size()), candidates, null);
    }

    /** The rungs after the match, for this stay ({@code read} keeps the plate as the camera read it). */
    void decide(ParkingOrder order, PlateRead read, boolean attended) {
        PlateStatus status = s.lists().lookup(order.plate(), read.readAt());
        List<Coupon> coupons = s.lists().couponsFor(order.plate(), order.orderId(), read.readAt());
        ExitLadder.ExitVerdict v = ladder.decide(order, read.readAt(), status, coupons, s.fees());
        LOG.info("Lane {}: {} order {} -> {} [{}]{}", core.lane.id(), order.plate(), order.orderId(), v.outcome(),
                v.decision(), v.quote() == null ? "" : " fee " + Fen.format(v.quote().totalFen()) + " of "
                        + Fen.format(v.quote().grossFen()));
        ExitLadder.ExitVerdict.Outcome outcome = v.outcome();
        if (attended && outcome == ExitLadder.ExitVerdict.Outcome.RELEASE) {
            outcome = ExitLadder.ExitVerdict.Outcome.ASK_ATTENDANT;
        }
        switch (outcome) {
            case RELEASE -> release(new Waiting.ExitConfirmation(read, order, v, coupons), v.method(), 0,
                    v.freeReason(), v.decision(), v.say(), false);
            case ASK_ATTENDANT -> {
                core.say(v.say());
                core.await(new Waiting.ExitConfirmation(read, order, v, coupons), order, v.quote(),
                        attended ? Decision.of(Step.ATTENDANT, "lane.recovered", order.plate()) : v.decision(),
                        List.of(), v.kind());
            }
            case CHARGE -> awaitPayment(new Waiting.Payment(read, order, v, coupons));
            case REFUSE -> {
                core.say(v.say());
                core.publish(LanePhase.REFUSED, read, order, null, v.decision(), List.of(), order.kind());
            }
        }
    }

    private void awaitPayment(Waiting.Payment w) {
        core.say(w.verdict().say());
        core.await(w, w.order(), w.verdict().quote(), w.verdict().decision(), List.of(), w.verdict().kind());
    }

    /**
     * proto3: the attendant switched the fee class of the car waiting here: the stay is priced again as
     * {@code vehicleClass} for the same exit time, the LED shows the new fee, the voice is not replayed. The class
     * goes into the stay when it leaves. A no-record fee has no class to switch.
     */
    void switchClass(Waiting w, String vehicleClass) {
        ParkingOrder before = order(w);
        ExitLadder.ExitVerdict was = verdict(w);
        if (was.quote() != null && "no-record".equals(was.quote().tariffId())) {
            throw new LaneException("class.norecord", "the no-record fee has no class at " + core.lane.id());
        }
        if (vehicleClass.equals(before.carType())) {
            return;
        }
        ParkingOrder order = before.withCarType(vehicleClass);
        PlateRead read = w.read();
        PlateStatus status = s.lists().lookup(order.plate(), read.readAt());
        List<Coupon> coupons = coupons(w);
        ExitLadder.ExitVerdict v = ladder.decide(order, read.readAt(), status, coupons, s.fees());
        List<VehicleClasses.Choice> names = s.classes().choices(read.readAt());
        Decision d = Decision.of(Step.ATTENDANT, "exit.class.switched", order.plate(),
                className(names, before.carType()), className(names, vehicleClass),
                v.quote() == null ? Fen.format(0) : Fen.format(v.quote().totalFen()));
        LOG.info("Lane {}: attendant switched {} order {} from class {} to {}: {} [{}]", core.lane.id(),
                order.plate(), order.orderId(), before.carType(), vehicleClass, v.quote() == null ? "no fee"
                        : "fee " + Fen.format(v.quote().totalFen()), Step.ATTENDANT);
        // the LED shows the new fee; the voice said the fee once and is not replayed
        s.signals().announce(core.lane, v.say().lines(), "");
        if (v.outcome() == ExitLadder.ExitVerdict.Outcome.CHARGE) {
            core.await(new Waiting.Payment(read, order, v, coupons), order, v.quote(), d, List.of(), v.kind());
        } else {
            // nothing (or no money) to take in the new class: the attendant confirms the exit (F3)
            core.await(new Waiting.ExitConfirmation(read, order, v, coupons), order, v.quote(), d, List.of(),
                    v.kind());
        }
    }

    private static String className(List<VehicleClasses.Choice> names, String id) {
        return names.stream().filter(c -> c.id().equals(id)).map(VehicleClasses.Choice::name).findFirst()
                .orElse(id == null ? "" : id);
    }

    void confirm(Waiting.ExitConfirmation w) {
        release(w, w.verdict().method(), 0, w.verdict().freeReason(),
                Decision.of(Step.ATTENDANT, "exit.confirmed", w.order().plate()), w.verdict().say(), true);
    }

    void pick(Waiting w, String orderId) {
        ParkingOrder order = s.orders().find(orderId).filter(o -> o.status() == OrderStatus.IN_LOT)
                .orElseThrow(() -> new LaneException("pick.gone", "order " + orderId + " is not in the lot"));
        LOG.info("Lane {}: attendant matched read {} to {} (order {}) [{}]", core.lane.id(), w.read().plate(),
                order.plate(), orderId, Step.MATCH);
        decide(order, w.read(), false);
    }

    /** Money was paid before the exit (3.2) for the car waiting here: decide again. */
    void prepaid(Waiting.Payment w) {
        ParkingOrder fresh = s.orders().find(w.order().orderId()).orElse(w.order());
        FeeQuote set = w.verdict().quote();
        if (set != null && isSetPrice(set)) {
            // proto4: a no-record or fixed (3.44) fee is no tariff's: what was paid is taken off that price
            paidTowardsSetPrice(w, fresh, set);
            return;
        }
        LOG.info("Lane {}: prepayment arrived for the waiting car {}; deciding again", core.lane.id(), fresh.plate());
        decide(fresh, w.read(), false);
    }

    /** proto4: the quote's tariff id of a fixed charge (3.44 fixed_charge), set by the cloud, not by a tariff. */
    static final String FIXED_CHARGE = "fixed-charge";

    static boolean isSetPrice(FeeQuote q) {
        return "no-record".equals(q.tariffId()) || FIXED_CHARGE.equals(q.tariffId());
    }

    private void paidTowardsSetPrice(Waiting.Payment w, ParkingOrder fresh, FeeQuote set) {
        long gross = set.grossFen();
        long prepaid = Math.min(gross, fresh.prepaidFen());
        long left = gross - prepaid;
        List<FeeLine> lines = new ArrayList<>(set.lines().stream()
                .filter(l -> l.kind() != FeeLine.Kind.PREPAID).toList());
        if (prepaid > 0) {
            lines.add(new FeeLine("已付 " + Fen.format(prepaid) + "元", -prepaid, FeeLine.Kind.PREPAID));
        }
        FeeQuote quote = new FeeQuote(left, gross, lines, 0, prepaid, 0, set.tariffId(), set.vehicleClass(),
                set.in(), set.out(), set.stayMinutes());
        PlateRead read = w.read();
        LOG.info("Lane {}: {} paid {} of the set price {} of order {}; {} left", core.lane.id(), fresh.plate(),
                Fen.format(prepaid), Fen.format(gross), fresh.orderId(), Fen.format(left));
        if (left == 0) {
            ExitLadder.ExitVerdict v = new ExitLadder.ExitVerdict(ExitLadder.ExitVerdict.Outcome.RELEASE,
                    w.verdict().kind(), PaymentMethod.PREPAID, quote, Decision.of(Step.PAYMENT, "exit.prepaid",
                    fresh.plate(), Fen.format(prepaid)), s.texts().goodbye(fresh.plate()), null);
            release(new Waiting.Payment(read, fresh, v, w.coupons()), PaymentMethod.PREPAID, 0, null, v.decision(),
                    v.say(), false);
            return;
        }
        awaitPayment(new Waiting.Payment(read, fresh, new ExitLadder.ExitVerdict(ExitLadder.ExitVerdict.Outcome.CHARGE,
                w.verdict().kind(), null, quote, Decision.of(Step.PAYMENT, "exit.topup", fresh.plate(),
                Fen.format(left), Fen.format(prepaid)), s.texts().feeDue(fresh.plate(), Duration.ZERO, left), null),
                w.coupons()));
    }

    /**
     * proto4, 3.44 fixed_charge: the cloud's operator charged a fixed price to the car with no stay waiting here
     * ({@code existing}: the stay of an earlier no-record or fixed charge of that car, priced again). The car's order
     * becomes 待支付 with that price: the exit QR, the scanner and cash take it, a payment releases the car.
     */
    void fixedCharge(PlateRead read, ParkingOrder existing, long fee, String by) {
        var at = read.readAt();
        ParkingOrder order = existing;
        if (order == null) {
            order = ParkingOrder.entered(s.orders().nextOrderId(core.lane.id(), at), read.plate(),
                    core.classAtEntry(read, null), core.lane.id(), at, core.operator(), null, CarKind.TEMPORARY, null,
                    "无在场订单固定收费:" + SafeText.of(by, 40));
            s.orders().recordEntry(order, s.spaces().free());
        }
        FeeQuote quote = new FeeQuote(fee, fee, List.of(new FeeLine("云端固定收费(" + SafeText.of(by, 40) + ")", fee,
                FeeLine.Kind.CHARGE)), 0, 0, 0, FIXED_CHARGE, order.carType(), at, at, 0);
        LOG.info("Lane {}: {} has no stay; the cloud charges a fixed {} (by {}), order {} [{}]", core.lane.id(),
                read.plate(), Fen.format(fee), SafeText.of(by, 40), order.orderId(), Step.PAYMENT);
        if (fee == 0) {
            ExitLadder.ExitVerdict v = new ExitLadder.ExitVerdict(ExitLadder.ExitVerdict.Outcome.RELEASE,
                    CarKind.TEMPORARY, PaymentMethod.FREE, quote, Decision.of(Step.PAYMENT, "exit.fixed.charge",
                    read.plate(), Fen.format(0)), s.texts().goodbye(read.plate()), "云端固定收费 0元");
            release(new Waiting.ExitConfirmation(read, order, v, List.of()), PaymentMethod.FREE, 0, "云端固定收费 0元",
                    v.decision(), v.say(), false);
            return;
        }
        Waiting.Payment w = new Waiting.Payment(read, order, new ExitLadder.ExitVerdict(
                ExitLadder.ExitVerdict.Outcome.CHARGE, CarKind.TEMPORARY, null, quote, Decision.of(Step.PAYMENT,
                "exit.fixed.charge", read.plate(), Fen.format(fee)), s.texts().feeDue(read.plate(), Duration.ZERO,
                fee), null), List.of());
        ParkingOrder paidBefore = s.orders().find(order.orderId()).orElse(order);
        if (paidBefore.prepaidFen() > 0) {
            paidTowardsSetPrice(w, paidBefore, quote);
            return;
        }
        awaitPayment(w);
    }

    void chargeNoRecord(PlateRead read, String reason) {
        String why = LaneCore.requireReason(reason);
        if (read.plate().isEmpty()) {
            throw new LaneException("correct.nothing", "type the plate (F6) before charging the no-record fee");
        }
        var at = read.readAt();
        String orderId = s.orders().nextOrderId(core.lane.id(), at);
        ParkingOrder order = ParkingOrder.entered(orderId, read.plate(), core.classAtEntry(read, null),
                core.lane.id(), at, core.operator(), null, CarKind.TEMPORARY, null, "无入场记录:" + why);
        s.orders().recordEntry(order, s.spaces().free());
        long fee = s.rules().noRecordFeeFen();
        FeeQuote quote = new FeeQuote(fee, fee, List.of(new FeeLine("无入场记录 最低收费(" + why + ")", fee,
                FeeLine.Kind.CHARGE)), 0, 0, 0, "no-record", s.vehicleClass(), at, at, 0);
        LOG.info("Lane {}: {} has no entry record; charging {} for '{}' [{}]", core.lane.id(), read.plate(),
                Fen.format(fee), SafeText.of(why, 60), Step.ATTENDANT);
        if (fee == 0) {
            ExitLadder.ExitVerdict v = new ExitLadder.ExitVerdict(ExitLadder.ExitVerdict.Outcome.RELEASE,
                    CarKind.TEMPORARY, PaymentMethod.FREE, quote, Decision.of(Step.ATTENDANT, "exit.norecord.free",
                    read.plate()), s.texts().goodbye(read.plate()), "无入场记录:" + why);
            release(new Waiting.ExitConfirmation(read, order, v, List.of()), PaymentMethod.FREE, 0,
                    "无入场记录:" + why, v.decision(), v.say(), true);
            return;
        }
        awaitPayment(new Waiting.Payment(read, order, new ExitLadder.ExitVerdict(ExitLadder.ExitVerdict.Outcome.CHARGE,
                CarKind.TEMPORARY, null, quote, Decision.of(Step.ATTENDANT, "exit.norecord.charge", read.plate(),
                Fen.format(fee)), s.texts().feeDue(read.plate(), Duration.ZERO, fee), null), List.of()));
    }

    SettleResult settleCash(Waiting.Payment w, long tenderedFen) {
        long due = w.verdict().quote().totalFen();
        long tendered = tenderedFen <= 0 ? due : tenderedFen;
        if (tendered < due) {
            throw new LaneException("settle.short",
                    "tendered " + Fen.format(tendered) + " is less than the fee " + Fen.format(due));
        }
        ParkingOrder closed = release(w, PaymentMethod.CASH, due, null, Decision.of(Step.ATTENDANT,
                "lane.released.cash", w.order().plate(), Fen.format(due)), s.texts().goodbye(w.order().plate()),
                true);
        return new SettleResult(closed, tendered, tendered - due);
    }

    ParkingOrder releaseFree(Waiting.Payment w, String reason) {
        String why = LaneCore.requireReason(reason);
        return release(w, PaymentMethod.FREE, 0, why, Decision.of(Step.ATTENDANT, "lane.released.free.reason",
                w.order().plate(), why), s.texts().goodbye(w.order().plate()), true);
    }

    /**
     * proto4, 2.44 先走后付: the car leaves now and pays later. The stay is closed with nothing paid, its free reason
     * {@link LaneController#LATER_PAY} with the debt and the attendant's reason (the uplinks go up as 2.44
     * laterpay_order_upload instead of out_park, for the platform to chase the payment). Who may do it is the
     * payment rule's (payment.later_pay); the lane only requires a reason and a car with something to pay.
     */
    ParkingOrder releaseLaterPay(Waiting.Payment w, String reason) {
        String why = LaneCore.requireReason(reason);
        long debt = w.verdict().quote() == null ? 0 : w.verdict().quote().totalFen();
        if (debt <= 0) {
            throw new LaneException("laterpay.nothing", "nothing is due at " + core.lane.id());
        }
        String recorded = LaneController.LATER_PAY + " 欠费" + Fen.format(debt) + "元:" + why;
        return release(w, PaymentMethod.FREE, 0, recorded, Decision.of(Step.ATTENDANT, "lane.released.laterpay",
                w.order().plate(), Fen.format(debt), why), s.texts().goodbye(w.order().plate()), true);
    }

    /**
     * Opens the barrier and, once the device confirmed it, closes the stay (H2, with its out_park) and says goodbye.
     * When the barrier does not confirm, nothing is closed, charged or reported: the car is still here and the lane
     * waits as before (a free exit waits for confirmation to try again); the attendant is told why, and an
     * attendant's action fails with {@code lane.gate.failed}.
     */
    private ParkingOrder release(Waiting w, PaymentMethod method, long paid, String freeReason, Decision d,
                                 LaneTexts.Say say, boolean attended) {
        ParkingOrder order = order(w);
        ExitLadder.ExitVerdict v = verdict(w);
        PlateRead read = w.read();
        FeeQuote quote = v.quote();
        GateEvent.Cause cause = paid > 0 || method == PaymentMethod.PREPAID || method == PaymentMethod.STORED_VALUE
                ? GateEvent.Cause.EXIT_PAID : GateEvent.Cause.EXIT_FREE;
        GateOutcome gate = core.gate(BarrierAction.OPEN, cause, core.operator(), order.orderId(), freeReason, null);
        if (!gate.moved()) {
            Decision failed = Decision.of(Step.ATTENDANT, "lane.gate.failed", order.plate(),
                    SafeText.of(gate.detail(), 60));
            Waiting again = w instanceof Waiting.Payment ? w : new Waiting.ExitConfirmation(read, order, v,
                    coupons(w));
            core.await(again, order, quote, failed, List.of(), v.kind());
            if (attended) {
                throw new LaneException("lane.gate.failed", "the barrier did not confirm: " + gate.detail(),
                        failed.args());
            }
            return null;
        }
        String image = s.images().save(order.orderId() + "-out", read.image()).orElse(null);
        long due = quote == null ? 0 : quote.grossFen();
        long discount = quote == null ? 0 : quote.discountFen();
        // the plate as read, when the stay was found under another (attendant's pick, correction)
        String exitPlate = read.plate().equals(order.plate()) ? null : read.plate();
        ParkingOrder closed = order.closed(new ParkingOrder.Settlement(core.lane.id(), read.readAt(), due, paid,
                method, core.operator(), image, discount, freeReason, exitPlate, v.kind()));
        if (quote != null && quote.balanceFen() > 0 && order.cardId() != null) {
            if (!s.lists().chargeStoredValue(order.cardId(), quote.balanceFen(), order.orderId(), read.readAt())) {
                throw new LaneException("storedvalue.short", "stored-value card " + order.cardId()
                        + " cannot pay " + Fen.format(quote.balanceFen()));
            }
        }
        int empty = Math.min(s.spaces().capacity(), s.spaces().free() + 1);
        boolean settled;
        try {
            settled = s.orders().recordExit(closed, empty, core.intake());
        } catch (IllegalStateException e) {
            // site4: another booth closed the stay first (one car read at two exits): this read is decided there,
            // so it leaves the intake journal now (as an ERROR it stayed until the lane's next read)
            LOG.warn("Lane {}: {} order {} was closed at another booth first; not closed or charged again here",
                    core.lane.id(), SafeText.plate(order.plate()), order.orderId());
            core.clear();
            Decision gone = Decision.of(Step.ATTENDANT, "exit.closed.elsewhere", order.plate());
            core.publish(LanePhase.RELEASED, read, order, quote, gone, List.of(), v.kind());
            throw new LaneException("exit.closed.elsewhere", SafeText.of(e.getMessage(), 120), gone.args());
        }
        core.settledInStore(settled);
        if (discount > 0 && quote != null) {
            quote.couponDeductions(coupons(w)).forEach((id, fen) ->
                    s.lists().couponDeducted(id, order.orderId(), fen, read.readAt()));
        }
        core.say(say);
        LOG.info("Lane {}: {} left, order {} closed: due {}, paid {} by {}{}, barrier {} [{}]", core.lane.id(),
                order.plate(), order.orderId(), Fen.format(due), Fen.format(paid), method,
                freeReason == null ? "" : " (" + SafeText.of(freeReason, 60) + ")", gate.result(), d.step());
        core.clear();
        core.publish(LanePhase.RELEASED, read, closed, quote, d, List.of(), v.kind());
        return closed;
    }

    private static ParkingOrder order(Waiting w) {
        if (w instanceof Waiting.Payment p) {
            return p.order();
        }
        if (w instanceof Waiting.ExitConfirmation c) {
            return c.order();
        }
        throw new IllegalStateException("no stay in " + w);
    }

    private static ExitLadder.ExitVerdict verdict(Waiting w) {
        if (w instanceof Waiting.Payment p) {
            return p.verdict();
        }
        if (w instanceof Waiting.ExitConfirmation c) {
            return c.verdict();
        }
        throw new IllegalStateException("no verdict in " + w);
    }

    private static List<Coupon> coupons(Waiting w) {
        if (w instanceof Waiting.Payment p) {
            return p.coupons();
        }
        return w instanceof Waiting.ExitConfirmation c ? c.coupons() : List.of();
    }
}
