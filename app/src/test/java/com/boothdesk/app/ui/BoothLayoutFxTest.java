package com.boothdesk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import javafx.geometry.Bounds;
import javafx.scene.Node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.testing.RunningBooth;

/**
 * The booth window's layout on the real window over the running booth, a car waiting to pay at the exit (its fee box
 * full): at 1366×768 everything fits (no lane, picture or fee box beyond the window, the events list keeps its
 * lines); at 1920×1080 the lanes use the height (their pictures grow into it, the fee box keeps its width) and the
 * recent events keep a sensible share of the window.
 */
class BoothLayoutFxTest {

    static final Duration WAIT = RunningBooth.WAIT;

    @TempDir
    Path data;
    RunningBooth booth;
    final FxRobot robot = new FxRobot();
    javafx.scene.Scene offStage;

    @BeforeEach
    void clean() {
        WaitForAsyncUtils.clearExceptions();
    }

    @AfterEach
    void stop() throws TimeoutException {
        if (booth != null) {
            booth.close();
        }
        WaitForAsyncUtils.waitForFxEvents();
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.clearExceptions();
    }

    @Test
    void at1366x768NothingIsCutInEnglishEither() throws Exception {
        openIn("en", 1366, 768);
        await().atMost(WAIT).untilAsserted(() -> assertThat(bounds("#checkout-B1").getHeight()).isGreaterThan(100));
        await().atMost(WAIT).untilAsserted(() -> {
            for (String id : new String[] {"#lane-A1", "#lane-B1", "#checkout-B1", "#pay-B1", "#devices-B1",
                    "#release-keep-open-B1", "#release-keep-open-A1", "#events"}) {
                Bounds b = bounds(id);
                assertThat(b.getMaxX()).as(id + " right edge").isLessThanOrEqualTo(1366);
                assertThat(b.getMaxY()).as(id + " bottom").isLessThanOrEqualTo(768);
            }
            assertThat(bounds("#lane-B1").getMaxY()).isLessThanOrEqualTo(bounds("#status-line").getMinY());
        });
    }

    /**
     * The window on a stage, or (as here) a scene of exactly that size laid out off-stage: the headless screen is
     * 1600×1000 and the primary stage keeps the size earlier tests gave it.
     */
    void open(int width, int height, boolean onStage) throws TimeoutException {
        openIn(null, width, height, onStage);
    }

    /** As {@link #open}, off-stage, the booth in {@code locale} (ui.locale). */
    void openIn(String locale, int width, int height) throws TimeoutException {
        openIn(locale, width, height, false);
    }

    void openIn(String locale, int width, int height, boolean onStage) throws TimeoutException {
        booth = locale == null ? RunningBooth.start(data) : RunningBooth.start(data, "ui.locale", locale);
        FxToolkit.registerPrimaryStage();
        if (onStage) {
            FxToolkit.setupStage(s -> new BoothWindow(booth.app).show(s, width, height));
        } else {
            robot.interact(() -> {
                BoothWindow w = new BoothWindow(booth.app);
                offStage = w.scene(width, height);
                w.root().requestFocus();
            });
        }
        booth.enter("京A12345");
        booth.clock.advance(Duration.ofHours(9).plusMinutes(34)); // a long stay: the fee box has all its lines
        booth.camera("SIM-CAM-B1").push("京A12345");
        await().atMost(WAIT).until(() -> booth.app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT);
    }

    Bounds bounds(String id) {
        Bounds[] b = new Bounds[1];
        robot.interact(() -> {
            Node n;
            if (offStage != null) {
                // no pulse lays a scene out that is on no stage: lay it out here (the pictures grow pass by pass)
                offStage.getRoot().applyCss();
                offStage.getRoot().layout();
                n = offStage.getRoot().lookup(id);
            } else {
                n = robot.lookup(id).query();
            }
            b[0] = n.localToScene(n.getBoundsInLocal());
        });
        return b[0];
    }

    @Test
    void at1366x768NothingIsCut() throws Exception {
        // off-stage too: the primary stage, shared by the test classes of this JVM, may keep an earlier test's size
        open(1366, 768, false);
        await().atMost(WAIT).untilAsserted(() -> assertThat(bounds("#checkout-B1").getHeight()).isGreaterThan(100));
        WaitForAsyncUtils.waitForFxEvents(5);
        await().atMost(WAIT).untilAsserted(() -> {
            for (String id : new String[] {"#lane-A1", "#lane-B1", "#checkout-B1", "#image-B1", "#entry-image-B1",
                    "#image-A1", "#pay-B1", "#devices-B1", "#release-keep-open-B1", "#release-keep-open-A1"}) {
                Bounds b = bounds(id);
                assertThat(b.getMaxX()).as(id + " right edge").isLessThanOrEqualTo(1366);
                assertThat(b.getMaxY()).as(id + " bottom").isLessThanOrEqualTo(768);
            }
            assertThat(offStage.getWidth()).isEqualTo(1366);
            assertThat(offStage.getHeight()).isEqualTo(768);
            // the fee box stays inside its lane, and the lanes end above the status line and the events
            assertThat(bounds("#checkout-B1").getMaxX()).isLessThanOrEqualTo(bounds("#lane-B1").getMaxX());
            assertThat(bounds("#lane-B1").getMaxY()).isLessThanOrEqualTo(bounds("#status-line").getMinY());
            assertThat(bounds("#events").getHeight()).as("the events keep two lines at least").isGreaterThan(48);
            assertThat(bounds("#events").getMaxY()).isLessThanOrEqualTo(768);
        });
    }

    @Test
    void at1920x1080TheLanesUseTheHeightAndTheEventsKeepAShare() throws Exception {
        open(1920, 1080, false); // larger than the headless screen: laid out off-stage
        await().atMost(WAIT).untilAsserted(() -> {
            Bounds entryLane = bounds("#lane-A1");
            Bounds scene = bounds("#image-A1");
            // the entry's picture grew beyond its base share of the lane (0.62) into the height it was given
            assertThat(scene.getWidth()).isGreaterThan(entryLane.getWidth() * 0.62 + 40);
            assertThat(bounds("#image-B1").getWidth()).isGreaterThanOrEqualTo(
                    Math.floor(bounds("#lane-B1").getWidth() * 0.335));
            assertThat(bounds("#lane-B1").getMaxY()).as("the lanes use the height").isGreaterThan(1080 * 0.75);
            assertThat(bounds("#lane-B1").getMaxY()).isLessThanOrEqualTo(bounds("#status-line").getMinY());
            double events = bounds("#events").getHeight();
            assertThat(events).as("the events keep a sensible share").isBetween(1080 * 0.10, 1080 * 0.20);
            assertThat(bounds("#checkout-B1").getMaxX()).isLessThanOrEqualTo(bounds("#lane-B1").getMaxX());
            assertThat(bounds("#checkout-B1").getWidth()).as("the fee box keeps its width").isGreaterThan(300);
            assertThat(bounds("#events").getMaxY()).isLessThanOrEqualTo(1080);
        });
    }
}
