package com.boothdesk.app.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.BoothContext;

/**
 * The JavaFX application. The running booth is handed over before launch, since JavaFX creates this class itself.
 */
public final class BoothFx extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(BoothFx.class);

    private static volatile BoothContext context;
    private static volatile Path screenshot;
    private static volatile Duration screenshotDelay = Duration.ofSeconds(8);
    private static volatile Duration exitAfter;
    private static volatile int width;
    private static volatile int height;
    private static volatile boolean screenshotCorrection;
    private static volatile Thread lastWriter;
    /** The primary stage once the toolkit started early ({@link #prestart()}), before the booth was handed over. */
    private static final java.util.concurrent.CompletableFuture<Stage> EARLY_STAGE =
            new java.util.concurrent.CompletableFuture<>();
    private static volatile Thread earlyLauncher;
    private static volatile long showRequested;

    /**
     * Starts the JavaFX toolkit now, on its own thread, so that it comes up (and warms its CSS, text and control
     * classes) while the booth opens its store and devices on the caller's thread; {@link #launch} then only builds
     * and shows the window. Call once, before the booth starts, and then always {@link #launch} (or exit the JVM).
     */
    public static synchronized void prestart() {
        if (earlyLauncher != null) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                Application.launch(BoothFx.class);
            } catch (Throwable e) {
                EARLY_STAGE.completeExceptionally(e);
            }
        }, "fx-launcher");
        t.setDaemon(true);
        earlyLauncher = t;
        t.start();
    }

    /** Shows the booth window and returns when it is closed. */
    public static void launch(BoothContext ctx, Path screenshotFile, Duration screenshotAfter, Duration exitAfterOrNull) {
        launch(ctx, screenshotFile, screenshotAfter, exitAfterOrNull, 0, 0, false);
    }

    /**
     * As above, with the window at exactly {@code w}×{@code h} when both are positive (screenshots at a booth
     * monitor's size), and, when {@code correctionShot}, the screenshot taken of the plate-correction dialog opened
     * on the selected lane.
     */
    public static void launch(BoothContext ctx, Path screenshotFile, Duration screenshotAfter, Duration exitAfterOrNull,
                              int w, int h, boolean correctionShot) {
        width = w;
        height = h;
        screenshotCorrection = correctionShot;
        context = ctx;
        screenshot = screenshotFile;
        if (screenshotAfter != null) {
            screenshotDelay = screenshotAfter;
        }
        exitAfter = exitAfterOrNull;
        Thread early = earlyLauncher;
        if (early == null) {
            Application.launch(BoothFx.class);
            return;
        }
        Stage stage;
        try {
            stage = EARLY_STAGE.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("JavaFX did not start: " + e.getCause(), e.getCause());
        }
        showRequested = System.nanoTime();
        UiThread.run(() -> showBooth(stage));
        try {
            early.join(); // returns when the window closed (implicit exit) or Platform.exit
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start(Stage stage) {
        if (earlyLauncher != null && context == null) {
            // started early: the booth is not handed over yet; warm up while it starts
            EARLY_STAGE.complete(stage);
            BoothFxWarmUp.run();
            return;
        }
        showBooth(stage);
    }

    private static void showBooth(Stage stage) {
        long fxStart = showRequested != 0 ? showRequested : System.nanoTime();
        BoothWindow window = new BoothWindow(context);
        Scene scene = window.show(stage, width, height);
        logWhenOperable(fxStart);
        if (screenshot != null) {
            PauseTransition wait = new PauseTransition(javafx.util.Duration.millis(screenshotDelay.toMillis()));
            wait.setOnFinished(e -> {
                if (screenshotCorrection) {
                    window.screenshotCorrection(screenshot);
                } else {
                    saveScreenshot(scene.getRoot(), screenshot);
                }
            });
            wait.play();
        }
        if (exitAfter != null) {
            PauseTransition stop = new PauseTransition(javafx.util.Duration.millis(exitAfter.toMillis()));
            stop.setOnFinished(e -> {
                Thread writer = lastWriter;
                if (writer == null || !writer.isAlive()) {
                    Platform.exit();
                    return;
                }
                // a screenshot still being written (a slow machine) is finished before the booth stops
                Thread waiter = new Thread(() -> {
                    try {
                        writer.join(60_000);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                    }
                    Platform.exit();
                }, "screenshot-wait");
                waiter.setDaemon(true);
                waiter.start();
            });
            stop.play();
        }
    }

    /** Logs, at the window's first rendered frame, how long the booth took from the JVM's start (cold start). */
    private static void logWhenOperable(long fxStart) {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                long cpu = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1_000_000 : -1;
                LOG.info("Booth window operable {} ms after the JVM started ({} ms of it building and showing the "
                        + "window; {} ms of CPU used by then, all threads)", System.currentTimeMillis() - jvmStart,
                        (System.nanoTime() - fxStart) / 1_000_000, cpu);
            }
        }.start();
    }

    /** Snapshots {@code node} on the FX thread and writes the PNG on another thread. */
    public static void saveScreenshot(Node node, Path file) {
        WritableImage image = node.snapshot(null, null);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        Thread writer = new Thread(() -> {
            try {
                Path dir = file.toAbsolutePath().getParent();
                if (dir != null) {
                    Files.createDirectories(dir);
                }
                ImageIO.write(buffered, "png", file.toFile());
                LOG.info("Screenshot written to {}", file.toAbsolutePath());
            } catch (IOException e) {
                LOG.error("Could not write screenshot {}: {}", file, e.toString());
            }
        }, "screenshot-writer");
        lastWriter = writer;
        writer.start();
    }
}
