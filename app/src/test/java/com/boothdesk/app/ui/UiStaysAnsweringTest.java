package com.boothdesk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import com.boothdesk.app.BoothStatus;
import com.boothdesk.app.common.Observable;
import com.boothdesk.app.ui.port.UiPorts;

/**
 * A lane whose LED card hangs (the lane's command never completes), an uploads query stuck on a dead store and a
 * cloud that is down: the FX thread keeps answering, the other lane stays usable, the header says the cloud is down.
 */
class UiStaysAnsweringTest {

    final FakeLane entry = FakeLane.entry();
    final FakeLane exit = FakeLane.exit();
    final CountDownLatch storeHangs = new CountDownLatch(1);
    final Observable<BoothStatus> status = new Observable<>(new BoothStatus("LOGGED_IN", 0, 0, 10,
            Map.of("main", 10), "demo", Map.of()));
    FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws TimeoutException {
        UiPorts ports = new UiPorts(FakeLane.env().msg(), FakeLane.CLOCK, List.of(entry, exit), () -> status,
                limit -> {
                    try {
                        storeHangs.await(); // a store that never answers
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return List.of();
                }, BoothViewModelTest.noSpaces(), null);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> new BoothWindow(ports, Duration.ofMinutes(5)).show(s));
    }

    @AfterEach
    void stop() throws TimeoutException {
        storeHangs.countDown();
        FxToolkit.cleanupStages();
    }

    @Test
    void aHungLaneADeadStoreAndADeadCloudDoNotHoldTheScreen() throws Exception {
        exit.publish(exit.paying("京A12345", FakeLane.T0, 700));
        await().atMost(Duration.ofSeconds(10)).until(() -> text("#due-B1").equals("7.00"));
        exit.answer = null; // the LED card hangs: the lane's cash command never completes
        clickOnFx("#plate-B1");
        robot.type(KeyCode.F1);
        assertThat(exit.calls).containsExactly("cash 0");
        status.set(new BoothStatus("DOWN", 12, 0, 10, Map.of("main", 10), "demo", Map.of()));

        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            WaitForAsyncUtils.asyncFx(() -> true).get(2, TimeUnit.SECONDS);
            assertThat(System.nanoTime() - t0).as("the FX thread answers at once").isLessThan(2_000_000_000L);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> text("#cloud-status").equals("云端 已断开"));
        assertThat(text("#outbox-pending")).isEqualTo("待上传 12");

        // the other lane works meanwhile
        entry.publish(entry.phase(com.boothdesk.app.domain.lane.LanePhase.AWAITING_CONFIRMATION, "", FakeLane.T0,
                "entry.noplate"));
        clickOnFx("#plate-A1");
        await().atMost(Duration.ofSeconds(10)).until(() -> text("#status-line").contains("入口1"));
        robot.type(KeyCode.F3);
        assertThat(entry.calls).containsExactly("confirm");
        // and the hung lane says so instead of taking a second command
        clickOnFx("#plate-B1");
        robot.type(KeyCode.F1);
        await().atMost(Duration.ofSeconds(10)).until(() -> text("#feedback-B1").equals("上一个操作尚未完成,请稍候"));
        assertThat(exit.calls).containsExactly("cash 0");

        clickOnFx("#uplinks-button"); // its query hangs on the store
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#uplinks").tryQuery().isPresent());
        for (int i = 0; i < 5; i++) {
            WaitForAsyncUtils.asyncFx(() -> true).get(2, TimeUnit.SECONDS);
        }
        assertThat(robot.lookup("#uplinks-refresh").queryButton().isDisabled()).as("still loading").isTrue();
    }

    /**
     * Clicks the node's centre, measured on the FX thread: TestFX's {@code clickOn(query)} computes bounds on the test
     * thread, which races with the FX thread laying out text (the header clock ticks, lanes publish) and can throw.
     */
    private void clickOnFx(String query) throws Exception {
        javafx.geometry.Point2D p = WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.Node node = robot.lookup(query).query();
            javafx.geometry.Bounds b = node.localToScreen(node.getBoundsInLocal());
            return new javafx.geometry.Point2D(b.getCenterX(), b.getCenterY());
        }).get(5, TimeUnit.SECONDS);
        robot.clickOn(p.getX(), p.getY());
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
