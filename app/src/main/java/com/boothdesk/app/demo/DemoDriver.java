package com.boothdesk.app.demo;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.common.Threads;
import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.config.LaneConfig;
import com.boothdesk.app.domain.lane.LaneDirection;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;

/**
 * Brings the demo to life: simulated cameras POST real AlarmInfoPlate pushes to the booth over HTTP. A new car
 * arrives at each entry lane every few seconds; when an exit lane is free, a car that has been in the lot a while
 * drives up to it. On a first start the lot is seeded with cars that came in earlier today, so exits have fees.
 */
public final class DemoDriver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDriver.class);
    private static final String PROVINCES = "京沪粤苏浙川鲁豫鄂湘闽皖赣冀晋陕";
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String ALNUM = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int SEED_CARS = 12;

    private final BoothConfig config;
    private final BoothApp app;
    private final Clock clock;
    private final Random random = new Random();
    private final ScheduledExecutorService timer = Threads.scheduled("demo");

    public DemoDriver(BoothConfig config, BoothApp app, Clock clock) {
        this.config = config;
        this.app = app;
        this.clock = clock;
    }

    public void start() {
        seedLot();
        URI target = URI.create("http://127.0.0.1:" + app.cameraPort() + "/");
        for (LaneConfig lane : config.lanes()) {
            SimulatedZhenshiCamera camera = new SimulatedZhenshiCamera(target, lane.camera(), "127.0.0.1", clock);
            if (lane.lane().direction() == LaneDirection.ENTRY) {
                long every = config.demo().entryInterval().toMillis();
                timer.scheduleWithFixedDelay(() -> safely(() -> camera.push(randomPlate())), 1000, every,
                        TimeUnit.MILLISECONDS);
            } else {
                long every = config.demo().exitInterval().toMillis();
                timer.scheduleWithFixedDelay(() -> safely(() -> driveToExit(lane, camera)), 3000, every,
                        TimeUnit.MILLISECONDS);
            }
        }
        LOG.info("Demo running: simulated cameras push to {}", target);
    }

    private void driveToExit(LaneConfig lane, SimulatedZhenshiCamera camera) {
        LanePhase phase = app.lane(lane.lane().id()).state().get().phase();
        if (phase == LanePhase.AWAITING_PAYMENT || phase == LanePhase.NO_RECORD) {
            return; // the attendant has a car to deal with
        }
        Instant cutoff = clock.instant().minus(Duration.ofMinutes(20));
        List<ParkingOrder> candidates = app.orders().inLot().stream()
                .filter(o -> o.inTime().isBefore(cutoff)).toList();
        if (candidates.isEmpty()) {
            candidates = app.orders().inLot();
        }
        candidates.stream().min(Comparator.comparing(ParkingOrder::inTime)
                        .thenComparing(o -> random.nextInt()))
                .ifPresent(o -> camera.push(o.plate()));
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
