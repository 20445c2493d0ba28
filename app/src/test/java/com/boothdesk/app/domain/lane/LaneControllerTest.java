package com.boothdesk.app.domain.lane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.domain.fee.FeeEngine;
import com.boothdesk.app.domain.fee.Tariffs;
import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.gate.GateEventLog;
import com.boothdesk.app.domain.order.OrderRepository;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.testing.MutableClock;

/** The lane's decisions, with in-memory fakes and a same-thread executor: every step is deterministic. */
class LaneControllerTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant EIGHT_AM = Instant.parse("2026-11-25T00:00:00Z");

    final MutableClock clock = new MutableClock(EIGHT_AM, SHANGHAI);
    final MemoryOrders orders = new MemoryOrders();
    final MemoryGates gates = new MemoryGates();
    final RecordingSignals signals = new RecordingSignals();
    final FeeEngine engine = new FeeEngine(SHANGHAI);
    final LaneServices services = new LaneServices(orders, gates,
            (cls, in, out) -> engine.quote(Tariffs.demoDefault(), cls, in, out), signals, new NoImages(), clock,
            () -> "op7", 100, Duration.ofSeconds(10), "small");
    final LaneController entry = new LaneController(new LaneInfo("A1", "入口1", LaneDirection.ENTRY), services,
            Runnable::run);
    final LaneController exit = new LaneController(new LaneInfo("B1", "出口1", LaneDirection.EXIT), services,
            Runnable::run);

    @Test
    void anEntryCreatesAnOrderOpensTheGateAndWelcomes() {
        entry.onPlate(read("A1", "京A12345")).join();

        ParkingOrder o = orders.findInLot("京A12345").orElseThrow();
        assertThat(o.inTime()).isEqualTo(EIGHT_AM);
        assertThat(o.entryOperator()).isEqualTo("op7");
        assertThat(orders.emptyAtEntry).containsExactly(99);
        assertThat(gates.events).singleElement().satisfies(g -> {
            assertThat(g.cause()).isEqualTo(GateEvent.Cause.ENTRY_ACCEPTED);
            assertThat(g.orderId()).isEqualTo(o.orderId());
        });
        assertThat(signals.log).containsExactly("gate A1", "show A1 [京A12345, 欢迎光临, 请入场停车] / 京A12345,欢迎光临,请入场停车");
        assertThat(entry.state().get().phase()).isEqualTo(LanePhase.ENTERED);
    }

    @Test
    void theSamePlateReadAgainWithinTheDebounceIsIgnored() {
        entry.onPlate(read("A1", "京A12345")).join();
        clock.advance(Duration.ofSeconds(9));
        entry.onPlate(read("A1", "京A12345")).join();
        assertThat(orders.all).hasSize(1);
        clock.advance(Duration.ofSeconds(2));
        entry.onPlate(read("A1", "京A12345")).join();
        assertThat(orders.all).hasSize(2);
    }

    @Test
    void anExitAfterThreeHoursAsksSevenYuanAndCashClosesIt() {
        entry.onPlate(read("A1", "京A12345")).join();
        clock.advance(Duration.ofHours(3));
        exit.onPlate(read("B1", "京A12345")).join();

        LaneState s = exit.state().get();
        assertThat(s.phase()).isEqualTo(LanePhase.AWAITING_PAYMENT);
        assertThat(s.quote().totalFen()).isEqualTo(700);
        assertThat(gates.events).hasSize(1); // only the entry: no gate before payment
        assertThat(signals.log).last().asString().contains("请缴费7.00元");

        SettleResult r = exit.settleCash(1000).join();
        assertThat(r.changeFen()).isEqualTo(300);
        ParkingOrder closed = orders.find(r.order().orderId()).orElseThrow();
        assertThat(closed.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(closed.dueFen()).isEqualTo(700);
        assertThat(closed.paidFen()).isEqualTo(700);
        assertThat(closed.paymentMethod()).isEqualTo(PaymentMethod.CASH);
        assertThat(closed.outTime()).isEqualTo(EIGHT_AM.plus(Duration.ofHours(3)));
        assertThat(gates.events).last().extracting(GateEvent::cause).isEqualTo(GateEvent.Cause.EXIT_PAID);
        assertThat(signals.log).contains("gate B1");
        assertThat(exit.state().get().phase()).isEqualTo(LanePhase.RELEASED);
    }

    @Test
    void cashShortOfTheFeeIsRefusedAndNothingChanges() {
        entry.onPlate(read("A1", "京A12345")).join();
        clock.advance(Duration.ofHours(3));
        exit.onPlate(read("B1", "京A12345")).join();

        assertThatThrownBy(() -> exit.settleCash(500).join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(LaneException.class)
                .extracting(e -> ((LaneException) e).messageKey()).isEqualTo("settle.short");
        assertThat(orders.findInLot("京A12345")).isPresent();
        assertThat(exit.state().get().phase()).isEqualTo(LanePhase.AWAITING_PAYMENT);
    }

    @Test
    void settlingWithNoCarWaitingIsRefused() {
        assertThatThrownBy(() -> exit.settleCash(0).join()).cause().isInstanceOf(LaneException.class)
                .extracting(e -> ((LaneException) e).messageKey()).isEqualTo("settle.nothing");
    }

    @Test
    void aShortStayInsideTheFreeMinutesIsReleasedWithoutTheAttendant() {
        entry.onPlate(read("A1", "京A12345")).join();
        clock.advance(Duration.ofMinutes(10));
        exit.onPlate(read("B1", "京A12345")).join();

        assertThat(exit.state().get().phase()).isEqualTo(LanePhase.RELEASED);
        assertThat(orders.all.get(0).paymentMethod()).isEqualTo(PaymentMethod.FREE);
        assertThat(gates.events).last().extracting(GateEvent::cause).isEqualTo(GateEvent.Cause.EXIT_FREE);
    }

    @Test
    void anExitWithoutAnEntryRecordWaitsForTheAttendantAndKeepsTheGateShut() {
        exit.onPlate(read("B1", "粤B00001")).join();
        assertThat(exit.state().get().phase()).isEqualTo(LanePhase.NO_RECORD);
        assertThat(gates.events).isEmpty();
        assertThat(signals.log).singleElement().asString().contains("无入场记录");
    }

    @Test
    void aReadWithoutAPlateIsIgnored() {
        entry.onPlate(read("A1", "")).join();
        assertThat(orders.all).isEmpty();
        assertThat(signals.log).isEmpty();
    }

    @Test
    void aFailureIsShownOnTheLaneAndTheLaneKeepsWorking() {
        orders.failNext = true;
        entry.onPlate(read("A1", "京A12345")).join();
        assertThat(entry.state().get().phase()).isEqualTo(LanePhase.ERROR);
        assertThat(signals.log).isEmpty();

        clock.advance(Duration.ofSeconds(30));
        entry.onPlate(read("A1", "京A12345")).join();
        assertThat(entry.state().get().phase()).isEqualTo(LanePhase.ENTERED);
    }

    PlateRead read(String lane, String plate) {
        return new PlateRead(lane, plate, 1, 95, clock.instant(), new byte[0], "test");
    }

    static final class MemoryOrders implements OrderRepository {
        final List<ParkingOrder> all = new ArrayList<>();
        final List<Integer> emptyAtEntry = new ArrayList<>();
        boolean failNext;
        int seq;

        @Override
        public String nextOrderId(String laneId, Instant at) {
            return laneId + "_" + at.getEpochSecond() + "_" + (++seq);
        }

        @Override
        public void recordEntry(ParkingOrder order, int emptySpaces) {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("disk full (simulated)");
            }
            all.add(order);
            emptyAtEntry.add(emptySpaces);
        }

        @Override
        public void recordExit(ParkingOrder closed, int emptySpaces) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).orderId().equals(closed.orderId())) {
                    if (all.get(i).status() != OrderStatus.IN_LOT) {
                        throw new IllegalStateException("not in the lot");
                    }
                    all.set(i, closed);
                    return;
                }
            }
            throw new IllegalStateException("unknown order");
        }

        @Override
        public Optional<ParkingOrder> find(String orderId) {
            return all.stream().filter(o -> o.orderId().equals(orderId)).findFirst();
        }

        @Override
        public Optional<ParkingOrder> findInLot(String plate) {
            return all.stream().filter(o -> o.plate().equals(plate) && o.status() == OrderStatus.IN_LOT)
                    .max(Comparator.comparing(ParkingOrder::inTime));
        }

        @Override
        public List<ParkingOrder> inLot() {
            return all.stream().filter(o -> o.status() == OrderStatus.IN_LOT).toList();
        }

        @Override
        public int countInLot() {
            return inLot().size();
        }

        @Override
        public List<ParkingOrder> recent(int limit) {
            return all.stream().limit(limit).toList();
        }
    }

    static final class MemoryGates implements GateEventLog {
        final List<GateEvent> events = new ArrayList<>();

        @Override
        public void record(GateEvent event) {
            events.add(event);
        }

        @Override
        public List<GateEvent> recent(int limit) {
            return events;
        }
    }

    static final class RecordingSignals implements LaneSignals {
        final List<String> log = new ArrayList<>();

        @Override
        public void openGate(LaneInfo lane) {
            log.add("gate " + lane.id());
        }

        @Override
        public void announce(LaneInfo lane, List<String> lines, String voice) {
            log.add("show " + lane.id() + " " + lines + " / " + voice);
        }
    }

    static final class NoImages implements ImageStore {
        final Map<String, byte[]> saved = new LinkedHashMap<>();

        @Override
        public Optional<String> save(String name, byte[] jpeg) {
            if (jpeg.length == 0) {
                return Optional.empty();
            }
            saved.put(name, jpeg);
            return Optional.of(name);
        }

        @Override
        public Optional<byte[]> load(String reference) {
            return Optional.ofNullable(saved.get(reference));
        }
    }
}
