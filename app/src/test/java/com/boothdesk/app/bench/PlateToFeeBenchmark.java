package com.boothdesk.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.stage.Stage;

import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.app.ui.BoothWindow;
import com.boothdesk.app.ui.UiThread;
import com.boothdesk.app.ui.lane.LaneViewModel;

/**
 * Harness (a plain {@code main}, not JMH: the path crosses HTTP, the lane thread, H2 and the FX thread): a plate
 * pushed by the simulated exit camera over HTTP until the fee is on the exit panel's view-model, with the booth
 * window open (1366×768, off-screen). Each round: a car enters (not measured), an hour passes, the exit camera
 * pushes (t0 just before the push, which includes the simulator drawing its JPEG), t1 when the exit panel's 待缴
 * shows that car's fee (on the FX thread); then the car pays. Prints p50 / p90 / p99 / max of the whole path and of
 * its two halves (push → lane state published, published → fee on the panel), and the collector's pauses during
 * the slowest rounds. The push body (JSON with the scene JPEG and plate crop, as the camera sends it) is made before
 * t0: drawing the simulated camera's picture is the camera's work, not the booth's.
 *
 * <p>Run: {@code ./boothdesk bench ui [rounds]} (default 200 after 30 warm-up rounds).
 */
public final class PlateToFeeBenchmark {

    private static final java.util.Map<String, Long> PUBLISHED = new java.util.concurrent.ConcurrentHashMap<>();

    private PlateToFeeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        List<long[]> rows = run(rounds, warmup);
        System.out.printf("%d rounds after %d warm-up, window open (1366x768, off-screen):%n", rows.size(), warmup);
        print("plate push (HTTP) -> fee on the exit panel", rows.stream().map(r -> r[0]).toList());
        print("plate push (HTTP) -> lane state published (the booth's part)", rows.stream().map(r -> r[0] - r[1]).toList());
        print("lane state published -> fee on the exit panel (the UI's part)", rows.stream().map(r -> r[1]).toList());
        List<long[]> slow = new ArrayList<>(rows);
        slow.sort((a, b) -> Long.compare(b[0], a[0]));
        System.out.println("  slowest rounds (push->fee ms, booth ms, UI ms, GC pauses in the round ms / count):");
        for (long[] r : slow.subList(0, Math.min(5, slow.size()))) {
            System.out.printf("    %6.1f %6.1f %6.1f   GC %4d ms / %d%n", r[0] / 1000.0, (r[0] - r[1]) / 1000.0,
                    r[1] / 1000.0, r[2], r[3]);
        }
        long gcMs = rows.stream().mapToLong(r -> r[2]).sum();
        long gcN = rows.stream().mapToLong(r -> r[3]).sum();
        System.out.printf("  GC during the measured pushes: %d pauses, %d ms in all (%s)%n", gcN, gcMs,
                java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
        System.exit(0);
    }

    private static void print(String what, List<Long> values) {
        List<Long> micros = new ArrayList<>(values);
        Collections.sort(micros);
        System.out.printf("  %-62s p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", what,
                pct(micros, 50) / 1000.0, pct(micros, 90) / 1000.0, pct(micros, 99) / 1000.0,
                micros.get(micros.size() - 1) / 1000.0);
    }

    /** The measured rounds, in microseconds: {push to fee shown, lane state published to fee shown}. */
    static List<long[]> run(int rounds, int warmup) throws Exception {
        offScreen();
        Path data = Files.createTempDirectory("ui-bench");
        RunningBooth booth = RunningBooth.start(data);
        try {
            CountDownLatch fx = new CountDownLatch(1);
            try {
                Platform.startup(fx::countDown);
            } catch (IllegalStateException alreadyRunning) {
                fx.countDown();
            }
            fx.await(30, TimeUnit.SECONDS);
            // registered before the window's own listener, so it runs first on the lane's thread
            booth.app.lane("B1").state().subscribe(st -> {
                if (st.phase() == com.boothdesk.app.domain.lane.LanePhase.AWAITING_PAYMENT && st.order() != null) {
                    PUBLISHED.putIfAbsent(st.order().plate(), System.nanoTime());
                }
            });
            CompletableFuture<BoothWindow> window = new CompletableFuture<>();
            UiThread.run(() -> {
                BoothWindow w = new BoothWindow(booth.app);
                w.show(new Stage(), 1366, 768);
                window.complete(w);
            });
            LaneViewModel exit = window.get(30, TimeUnit.SECONDS).viewModel().lane("B1").orElseThrow();
            List<long[]> out = new ArrayList<>();
            for (int i = 0; i < warmup + rounds; i++) {
                String plate = String.format("京B%05d", i);
                booth.enter(plate);
                booth.clock.advance(Duration.ofHours(1));
                long[] t = measure(booth, exit, plate);
                booth.app.lane("B1").settleCash(0).get(10, TimeUnit.SECONDS);
                if (i >= warmup) {
                    out.add(t);
                }
            }
            return out;
        } finally {
            booth.close();
        }
    }

    private static long[] measure(RunningBooth booth, LaneViewModel exit, String plate) throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        AtomicLong t1 = new AtomicLong();

        ChangeListener<String> listener = (o, a, b) -> {
            if (!b.isEmpty() && plate.equals(exit.plateProperty().get())) {
                t1.set(System.nanoTime());
                shown.countDown();
            }
        };
        CountDownLatch added = new CountDownLatch(1);
        UiThread.run(() -> {
            exit.checkout().dueProperty().addListener(listener);
            added.countDown();
        });
        added.await(10, TimeUnit.SECONDS);
        byte[] body = PushBodies.live("SIM-CAM-B1", plate, booth.clock.instant());
        long[] gc0 = gc();
        long t0 = System.nanoTime();
        booth.camera("SIM-CAM-B1").postRaw(body, "application/json");
        if (!shown.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the fee of " + plate + " never showed on the exit panel");
        }
        long[] gc1 = gc();
        UiThread.run(() -> exit.checkout().dueProperty().removeListener(listener));
        return new long[] {(t1.get() - t0) / 1000, (t1.get() - PUBLISHED.get(plate)) / 1000, gc1[0] - gc0[0],
                gc1[1] - gc0[1]};
    }

    /** Collector pause time (ms) and count so far, all collectors. */
    private static long[] gc() {
        long ms = 0;
        long n = 0;
        for (var b : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, b.getCollectionTime());
            n += Math.max(0, b.getCollectionCount());
        }
        return new long[] {ms, n};
    }

    static void offScreen() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1920x1080-32");
        System.setProperty("java.awt.headless", "true");
    }

    private static long pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }
}
