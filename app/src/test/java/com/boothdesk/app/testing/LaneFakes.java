package com.boothdesk.app.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.boothdesk.app.domain.fee.Coupon;
import com.boothdesk.app.domain.fee.FeeEngine;
import com.boothdesk.app.domain.fee.Tariffs;
import com.boothdesk.app.domain.gate.BarrierAction;
import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.gate.GateEventLog;
import com.boothdesk.app.domain.gate.GateOutcome;
import com.boothdesk.app.domain.lane.ImageStore;
import com.boothdesk.app.domain.lane.IntakeJournal;
import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.lane.LaneDirection;
import com.boothdesk.app.domain.lane.LaneInfo;
import com.boothdesk.app.domain.lane.LaneRules;
import com.boothdesk.app.domain.lane.LaneServices;
import com.boothdesk.app.domain.lane.LaneSignals;
import com.boothdesk.app.domain.lane.LaneTexts;
import com.boothdesk.app.domain.lane.ParkSpaces;
import com.boothdesk.app.domain.lane.PlateRead;
import com.boothdesk.app.domain.lists.PlateStatus;
import com.boothdesk.app.domain.lists.VehicleLists;
import com.boothdesk.app.domain.order.OrderRepository;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;

/**
 * In-memory stand-ins for the lane's domain ports, so that the flows and ladders are unit-tested alone in
 * milliseconds (the H2 tests stay as the integration tests). Lanes built here run on the caller's thread: every
 * future is complete when the call returns.
 */
public final class LaneFakes {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Wednesday 2026-11-25 08:00 in Shanghai. */
    public static final Instant EIGHT_AM = Instant.parse("2026-11-25T00:00:00Z");

    public final MutableClock clock = new MutableClock(EIGHT_AM, SHANGHAI);
    public final Orders orders = new Orders();
    public final Gates gates = new Gates();
    public final Signals signals = new Signals();
    public final Spaces spaces = new Spaces(200);
    public final Lists lists = new Lists();
    public final Images images = new Images();
    public final Journal journal = new Journal();
    public final AtomicReference<String> operator = new AtomicReference<>("op7");
    private final FeeEngine engine = new FeeEngine(SHANGHAI);

    public LaneServices services(LaneRules rules) {
        return new LaneServices(orders, gates, r -> engine.quote(Tariffs.demoDefault(), r), signals, images, lists,
                spaces, rules, LaneTexts.BUILT_IN, lane -> Optional.of(new byte[] {(byte) 0xFF, (byte) 0xD8, 9}),
                clock, operator::get, Duration.ofSeconds(10), "small").withJournal(journal)
                .withIdleAfter(Duration.ZERO); // the LED's return to idle is tested with its own timer
    }

    public LaneController entry() {
        return new LaneController(new LaneInfo("A1", "入口1", LaneDirection.ENTRY), services(LaneRules.defaults()),
                Runnable::run);
    }

    public LaneController exit() {
        return new LaneController(new LaneInfo("B1", "出口1", LaneDirection.EXIT), services(LaneRules.defaults()),
                Runnable::run);
    }

    public PlateRead read(String laneId, String plate) {
        return new PlateRead(laneId, plate, 1, 95, clock.instant(), new byte[] {1, 2}, "cam");
    }

    /** Orders in a map; the uplinks they would cause are counted. */
    public static final class Orders implements OrderRepository {
        public final Map<String, ParkingOrder> byId = new LinkedHashMap<>();
        public final List<String> uplinks = new ArrayList<>();
        private final AtomicLong seq = new AtomicLong();

        @Override
        public String nextOrderId(String laneId, Instant at) {
            return laneId + "-" + seq.incrementAndGet();
        }

        @Override
        public void recordEntry(ParkingOrder order, int emptySpaces) {
            findInLot(order.plate()).ifPresent(o -> byId.put(o.orderId(), o.closed(o.entryLaneId(), order.inTime(),
                    0, 0, null, "system", null, "superseded")));
            byId.put(order.orderId(), order);
            uplinks.add("in_park " + order.plate());
        }

        @Override
        public void recordExit(ParkingOrder closed, int emptySpaces) {
            ParkingOrder now = byId.get(closed.orderId());
            if (now == null || now.status() != OrderStatus.IN_LOT) {
                throw new IllegalStateException("not in the lot: " + closed.orderId());
            }
            byId.put(closed.orderId(), closed);
            uplinks.add("out_park " + closed.plate());
        }

        @Override
        public Optional<ParkingOrder> find(String orderId) {
            return Optional.ofNullable(byId.get(orderId));
        }

        @Override
        public Optional<ParkingOrder> findInLot(String plate) {
            return inLot().stream().filter(o -> o.plate().equals(plate)).reduce((a, b) -> b);
        }

        @Override
        public List<ParkingOrder> inLot() {
            return byId.values().stream().filter(o -> o.status() == OrderStatus.IN_LOT).toList();
        }

        @Override
        public int countInLot() {
            return inLot().size();
        }

        @Override
        public Set<String> inLotPlates() {
            return inLot().stream().map(ParkingOrder::plate).collect(Collectors.toSet());
        }

        @Override
        public int countInLot(Collection<String> plates) {
            return (int) inLot().stream().filter(o -> plates.contains(o.plate())).count();
        }

        @Override
        public List<ParkingOrder> searchInLot(String fragment, int limit) {
            return inLot().stream().filter(o -> o.plate().contains(fragment))
                    .sorted(Comparator.comparing(ParkingOrder::inTime).reversed()).limit(limit).toList();
        }

        @Override
        public boolean recordPrepayment(String tradeNo, String orderId, long fen, Instant paidAt, Instant received) {
            byId.computeIfPresent(orderId, (k, o) -> o.withPrepaid(o.prepaidFen() + fen, paidAt));
            return true;
        }

        @Override
        public ParkingOrder correctPlate(String orderId, String newPlate) {
            return byId.computeIfPresent(orderId, (k, o) -> o.withPlate(newPlate));
        }

        @Override
        public List<ParkingOrder> recent(int limit) {
            return byId.values().stream().limit(limit).toList();
        }
    }

    public static final class Gates implements GateEventLog {
        public final List<GateEvent> events = new ArrayList<>();

        @Override
        public long record(GateEvent event) {
            events.add(event);
            return events.size();
        }

        @Override
        public List<GateEvent> recent(int limit) {
            List<GateEvent> out = new ArrayList<>(events);
            java.util.Collections.reverse(out);
            return out.stream().limit(limit).toList();
        }

        public List<GateEvent> moved() {
            return events.stream().filter(e -> e.outcome().moved()).toList();
        }
    }

    /** The barrier answers what the test sets ({@link #next}); every command and announcement is logged. */
    public static final class Signals implements LaneSignals {
        public final List<String> log = new ArrayList<>();
        public final AtomicReference<GateOutcome> next = new AtomicReference<>(GateOutcome.confirmed("ACKED"));
        /** When set, the barrier never answers (the lane's bounded wait decides). */
        public volatile boolean hang;

        @Override
        public void openGate(LaneInfo lane) {
            log.add("open " + lane.id());
        }

        @Override
        public void closeGate(LaneInfo lane) {
            log.add("close " + lane.id());
        }

        @Override
        public void announce(LaneInfo lane, List<String> lines, String voice) {
            log.add("show " + lane.id() + " " + lines + " / " + voice);
        }

        @Override
        public CompletableFuture<GateOutcome> move(LaneInfo lane, BarrierAction action) {
            log.add(action + " " + lane.id());
            return hang ? new CompletableFuture<>() : CompletableFuture.completedFuture(next.get());
        }

        public long commands(BarrierAction action) {
            return log.stream().filter(l -> l.startsWith(action + " ")).count();
        }
    }

    public static final class Spaces implements ParkSpaces {
        public final AtomicInteger free;
        private final int capacity;

        Spaces(int capacity) {
            this.capacity = capacity;
            this.free = new AtomicInteger(capacity);
        }

        @Override
        public List<String> areas() {
            return List.of("main");
        }

        @Override
        public String areaOf(String laneId) {
            return "main";
        }

        @Override
        public int capacity(String area) {
            return capacity;
        }

        @Override
        public int free(String area) {
            return free.get();
        }

        @Override
        public void adjust(String area, int delta, String reason, String operator) {
            free.addAndGet(delta);
        }
    }

    /** No lists unless the test puts a status in {@link #status}. */
    public static final class Lists implements VehicleLists {
        public final Map<String, PlateStatus> status = new HashMap<>();

        @Override
        public PlateStatus lookup(String plate, Instant at) {
            return status.getOrDefault(plate, PlateStatus.none(plate, at));
        }

        @Override
        public List<Coupon> couponsFor(String plate, String orderId, Instant at) {
            return List.of();
        }

        @Override
        public void visitorEntered(String plate, Instant at) {
        }

        @Override
        public boolean chargeStoredValue(String cardId, long fen, String orderId, Instant at) {
            return true;
        }

        @Override
        public boolean couponDeducted(String couponId, String orderId, long fen, Instant at) {
            return true;
        }

        @Override
        public void couponsUsed(List<String> couponIds, String orderId, Instant at) {
        }
    }

    public static final class Images implements ImageStore {
        public final Map<String, byte[]> saved = new HashMap<>();

        @Override
        public Optional<String> save(String name, byte[] jpeg) {
            if (jpeg == null || jpeg.length == 0) {
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

    public static final class Journal implements IntakeJournal {
        public final Map<Long, Entry> rows = new LinkedHashMap<>();
        private final AtomicLong seq = new AtomicLong();

        @Override
        public long record(PlateRead read, boolean offline, Instant receivedAt) {
            long id = seq.incrementAndGet();
            rows.put(id, new Entry(id, read, offline, receivedAt));
            return id;
        }

        @Override
        public void settle(long id, String outcome) {
            rows.remove(id);
        }

        @Override
        public List<Entry> pending(String laneId) {
            return rows.values().stream().filter(e -> e.read().laneId().equals(laneId)).toList();
        }
    }
}
