package com.boothdesk.app.demo;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.common.Threads;
import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.config.LaneConfig;
import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.lane.LaneDirection;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.lane.LaneState;
import com.boothdesk.app.domain.lists.MonthMember;
import com.boothdesk.app.domain.lists.MonthlyCard;
import com.boothdesk.app.domain.lists.WhiteListEntry;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;

/**
 * Brings the demo to life: simulated cameras POST real AlarmInfoPlate pushes (with pictures) and heartbeats to the
 * booth over HTTP. Within a few minutes it shows every flow: monthly and white-list cars opening by themselves,
 * temporary cars waiting for the attendant's cash, some drivers paying by the exit QR code through the cloud
 * simulator (the barrier then opens by itself), a misread that needs a pick, and cars without a plate ({@code _无_},
 * as the real camera sends it) at the entry and the exit. With {@code demo.auto_attendant} a stand-in attendant
 * settles what waits after a few seconds, so headless runs send out_park too.
 */
public final class DemoDriver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDriver.class);
    private static final String PROVINCES = "京沪粤苏浙川鲁豫鄂湘闽皖赣冀晋陕";
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String ALNUM = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int SEED_CARS = 12;
    private static final List<String> WHITE = List.of("京A0WH01", "京A0WH02");
    private static final List<String> MONTHLY = List.of("沪B8M001", "沪B8M002", "沪B8M003");
    /** What waits is left this long for a person before the stand-in attendant acts. */
    private static final Duration ATTENDANT_DELAY = Duration.ofSeconds(6);

    private final BoothConfig config;
    private final BoothApp app;
    private final Clock clock;
    private final Random random = new Random();
    private final ScheduledExecutorService timer = Threads.scheduled("demo");
    /** Orders whose exit payment the demo already decided (QR code or cash), so that it decides once. */
    private final Map<String, Boolean> paysByQr = new ConcurrentHashMap<>();
    private int entries;
    private int payments;
    private int exits;

    public DemoDriver(BoothConfig config, BoothApp app, Clock clock) {
        this.config = config;
        this.app = app;
        this.clock = clock;
    }

    public void start() {
        seedLists();
        seedLot();
        URI target = URI.create("http://127.0.0.1:" + app.cameraPort() + "/");
        for (LaneConfig lane : config.lanes()) {
            SimulatedZhenshiCamera camera = new SimulatedZhenshiCamera(target, lane.camera(), "127.0.0.1", clock);
            // the camera beats like a real one: its health does not depend on cars coming
            // cam3: a camera-relay lane's camera reports its barrier (up after an open, down after the next beat)
            boolean relay = lane.gate() == LaneConfig.GateRoute.CAMERA;
            if (relay) {
                camera.reportingGateState();
            }
            timer.scheduleWithFixedDelay(() -> safely(() -> {
                camera.heartbeat();
                if (relay) {
                    camera.carPassed();
                }
            }), 200, 5000, TimeUnit.MILLISECONDS);
            if (lane.lane().direction() == LaneDirection.ENTRY) {
                long every = config.demo().entryInterval().toMillis();
                timer.scheduleWithFixedDelay(() -> safely(() -> driveIn(lane, camera)), 1000, every,
                        TimeUnit.MILLISECONDS);
            } else {
                long every = config.demo().exitInterval().toMillis();
                timer.scheduleWithFixedDelay(() -> safely(() -> driveToExit(lane, camera)), 3000, every,
                        TimeUnit.MILLISECONDS);
            }
        }
        timer.scheduleWithFixedDelay(() -> safely(this::payOrAttend), 1000, 1000, TimeUnit.MILLISECONDS);
        LOG.info("Demo running: simulated cameras push to {}{}", target,
                config.demo().autoAttendant() ? "; a stand-in attendant settles what waits" : "");
    }

    private void driveIn(LaneConfig lane, SimulatedZhenshiCamera camera) {
        if (app.lane(lane.lane().id()).waitingPhase().isPresent()) {
            return; // the attendant (or the stand-in) has a car to deal with
        }
        int n = entries++;
        if (n % 9 == 4) {
            camera.pushNoPlate();
            return;
        }
        if (n % 4 == 1) {
            List<String> listed = new ArrayList<>(WHITE);
            listed.addAll(MONTHLY);
            String plate = listed.get(random.nextInt(listed.size()));
            if (app.orders().findInLot(plate).isEmpty()) {
                camera.push(plate);
                return;
            }
        }
        camera.push(randomPlate());
    }

    private void driveToExit(LaneConfig lane, SimulatedZhenshiCamera camera) {
        if (app.lane(lane.lane().id()).waitingPhase().isPresent()) {
            return; // the attendant (or the stand-in) has a car to deal with
        }
        Instant cutoff = clock.instant().minus(Duration.ofMinutes(20));
        List<ParkingOrder> inLot = app.orders().inLot();
        List<ParkingOrder> candidates = inLot.stream().filter(o -> o.inTime().isBefore(cutoff)).toList();
        if (candidates.isEmpty()) {
            candidates = inLot;
        }
        if (candidates.isEmpty()) {
            return;
        }
        // now and then the first car to leave is a listed one, so that they are seen leaving by themselves
        ParkingOrder car = candidates.stream().filter(o -> WHITE.contains(o.plate()) || MONTHLY.contains(o.plate()))
                .findFirst().filter(o -> random.nextInt(3) == 0)
                .orElseGet(() -> inLot.stream().min(Comparator.comparing(ParkingOrder::inTime)).orElseThrow());
        int n = exits++;
        if (car.plate().startsWith("无")) {
            camera.pushNoPlate(); // its camera sees no plate at the exit either
        } else if (n % 7 == 3) {
            camera.push(misread(car.plate()));
        } else {
            camera.push(car.plate());
        }
    }

    /** Drivers waiting to pay: one in three pays by the exit QR code (through the cloud); the stand-in does the rest. */
    private void payOrAttend() {
        for (LaneController lane : app.lanes()) {
            LaneState s = lane.state().get();
            if (s.phase() == LanePhase.AWAITING_PAYMENT && s.order() != null && s.quote() != null) {
                boolean qr = paysByQr.computeIfAbsent(s.order().orderId(), k -> payments++ % 3 == 1);
                if (qr && app.cloudSimulator().isPresent()) {
                    payByQr(s);
                    paysByQr.put(s.order().orderId(), false); // once
                    continue;
                }
            }
            Duration delay = ATTENDANT_DELAY.compareTo(config.demo().exitInterval().multipliedBy(2)) < 0
                    ? ATTENDANT_DELAY : config.demo().exitInterval().multipliedBy(2);
            if (config.demo().autoAttendant() && s.at().plus(delay).isBefore(clock.instant())) {
                attend(lane, s);
            }
        }
        if (paysByQr.size() > 1000) {
            paysByQr.clear();
        }
    }

    private void payByQr(LaneState s) {
        ParkingOrder o = s.order();
        long fen = s.quote().totalFen();
        String json = "{\"service_name\":\"prepay_order\",\"order_id\":\"" + o.orderId() + "\",\"car_number\":\""
                + o.plate() + "\",\"prepay\":" + (fen / 100) + "." + String.format("%02d", fen % 100)
                + ",\"trade_no\":\"DEMO" + o.orderId() + "\",\"pay_channel\":0,\"park_id\":\""
                + config.cloud().parkId() + "\",\"pay_time\":" + clock.instant().getEpochSecond()
                + ",\"query_time\":0}";
        try {
            app.cloudSimulator().orElseThrow().pushDownlink((com.fasterxml.jackson.databind.node.ObjectNode)
                    com.boothdesk.sdk.wire.WireCodec.MAPPER.readTree(json));
            LOG.info("Demo: the driver of {} pays {} fen by the exit QR code", o.plate(), fen);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("Demo: QR payment of {} not sent: {}", o.plate(), e.toString());
        }
    }

    private void attend(LaneController lane, LaneState s) {
        switch (s.phase()) {
            case AWAITING_CONFIRMATION -> lane.confirm().exceptionally(e -> null);
            case AWAITING_PAYMENT -> lane.settleCash(0).exceptionally(e -> null);
            case AWAITING_MATCH -> {
                if (!s.candidates().isEmpty()) {
                    lane.pick(s.candidates().get(0).order().orderId()).exceptionally(e -> null);
                }
            }
            case NO_RECORD -> {
                List<ParkingOrder> found = s.lastRead() != null && s.lastRead().plate().isEmpty()
                        ? lane.search("无") : List.of();
                if (!found.isEmpty()) {
                    lane.pick(found.get(found.size() - 1).orderId()).exceptionally(e -> null);
                } else if (s.lastRead() != null && !s.lastRead().plate().isEmpty()) {
                    lane.chargeNoRecord("演示:无入场记录").exceptionally(e -> null);
                } else {
                    lane.refuse().exceptionally(e -> null);
                }
            }
            default -> {
            }
        }
    }

    /** Two white-list cars and three monthly cards, so that listed cars open the barrier by themselves. */
    private void seedLists() {
        LocalDate today = clock.instant().atZone(config.zone()).toLocalDate();
        for (int i = 0; i < WHITE.size(); i++) {
            String plate = WHITE.get(i);
            safely(() -> app.listAdmin().saveInternalCar(new WhiteListEntry(plate, "演示内部车",
                    today.minusDays(30), WhiteListEntry.FOREVER, "演示"),
                    "DEMO-W" + plate.substring(plate.length() - 2)));
        }
        for (int i = 0; i < MONTHLY.size(); i++) {
            String plate = MONTHLY.get(i);
            String card = "DEMO-M" + (i + 1);
            LocalDate until = today.plusDays(i == 0 ? 5 : 90);
            safely(() -> app.listAdmin().saveMonthMember(new MonthMember(new MonthlyCard(card, List.of(plate),
                    "演示月卡", today.minusDays(20), until, 1, config.vehicleClass(),
                    Set.of()), null, "", "", "演示", 0, 0, 0)));
        }
    }

    /** Cars that came in before the booth was started, so that the first exits carry a fee. */
    private void seedLot() {
        if (app.orders().countInLot() > 0) {
            return;
        }
        Instant now = clock.instant();
        LaneConfig entry = config.lanes().stream().filter(l -> l.lane().direction() == LaneDirection.ENTRY)
                .findFirst().orElse(null);
        if (entry == null) {
            return;
        }
        for (int i = 0; i < SEED_CARS; i++) {
            Instant in = now.minus(Duration.ofMinutes(25 + random.nextInt(10 * 60)));
            String id = app.orders().nextOrderId(entry.lane().id(), in);
            ParkingOrder o = ParkingOrder.entered(id, randomPlate(), config.vehicleClass(), entry.lane().id(), in,
                    config.operator(), null);
            app.orders().recordEntry(o, config.capacity() - i - 1);
        }
        LOG.info("Demo: seeded the lot with {} cars that entered earlier", SEED_CARS);
    }

    /** The plate with one character misread, the way cameras confuse them. */
    static String misread(String plate) {
        char last = plate.charAt(plate.length() - 1);
        char wrong = switch (last) {
            case '0' -> 'D';
            case '8' -> 'B';
            case '1' -> '7';
            case '5' -> 'S';
            default -> Character.isDigit(last) ? (char) ('0' + (last - '0' + 3) % 10) : '8';
        };
        return plate.substring(0, plate.length() - 1) + wrong;
    }

    String randomPlate() {
        StringBuilder p = new StringBuilder();
        p.append(PROVINCES.charAt(random.nextInt(PROVINCES.length())));
        p.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        for (int i = 0; i < 5; i++) {
            p.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return p.toString();
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("Demo step failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        Threads.shutdown(timer);
    }
}
