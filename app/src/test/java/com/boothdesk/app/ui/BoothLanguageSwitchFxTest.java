package com.boothdesk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;

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
 * Issue 15, "switch the language": on the real booth window (off-screen) over the running booth, the back office's
 * English button switches the booth window too — the lane's status, its device line, its fee box, the buttons, the
 * header and the legend — while a car waits to pay; nothing restarts and the car still waits; 中文 switches back.
 */
class BoothLanguageSwitchFxTest {

    static final Duration WAIT = RunningBooth.WAIT;

    @TempDir
    Path data;
    RunningBooth booth;
    BoothWindow window;
    final FxRobot robot = new FxRobot();

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

    String text(String id) {
        String[] t = new String[1];
        robot.interact(() -> t[0] = robot.lookup(id).queryAs(Labeled.class).getText());
        return t[0];
    }

    /** Every label's text under the node, in order. */
    List<String> texts(String id) {
        List<String> out = new java.util.ArrayList<>();
        robot.interact(() -> collect(robot.lookup(id).query(), out));
        return out;
    }

    static void collect(Node n, List<String> out) {
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            out.add(l.getText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    void fire(String id) {
        robot.interact(() -> robot.lookup(id).queryAs(Button.class).fire());
    }

    @Test
    void theBackOfficesLanguageButtonSwitchesTheBoothWindowWithoutARestart() throws Exception {
        booth = RunningBooth.start(data);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new BoothWindow(booth.app);
            window.show(s, 1366, 768);
        });
        booth.enter("京A12345");
        booth.clock.advance(Duration.ofHours(3));
        booth.camera("SIM-CAM-B1").push("京A12345");
        await().atMost(WAIT).until(() -> booth.app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT);
        await().atMost(WAIT).untilAsserted(() -> assertThat(text("#status-B1")).startsWith("京A12345 请收费"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(text("#devices-B1")).contains("显示屏"));
        assertThat(text("#cash-B1")).isEqualTo("现金收费  F1");
        assertThat(text("#uplinks-button")).isEqualTo("上传记录");
        assertThat(texts("#checkout-B1")).contains("收费明细");
        assertThat(texts("#lane-B1")).contains("设备");

        fire("#backoffice-button");
        await().atMost(WAIT).until(() -> !robot.lookup("#bo-lang-en").queryAll().isEmpty());
        fire("#bo-lang-en");

        await().atMost(WAIT).untilAsserted(() -> assertThat(text("#status-B1")).startsWith("京A12345: collect"));
        assertThat(text("#devices-B1")).contains("LED").contains("Barrier").contains("Camera")
                .doesNotContainPattern("\\p{IsHan}");
        assertThat(text("#cash-B1")).isEqualTo("Cash  F1");
        assertThat(text("#uplinks-button")).isEqualTo("Uploads");
        assertThat(text("#backoffice-button")).isEqualTo("Back office");
        assertThat(text("#status-line")).startsWith("Selected lane:");
        assertThat(texts("#legend")).contains("Cash").doesNotContain("现金收费");
        assertThat(texts("#checkout-B1")).contains("Items").doesNotContain("收费明细");
        assertThat(texts("#lane-B1")).contains("Devices").doesNotContain("设备", "当前车道");
        assertThat(booth.app.lane("B1").state().get().phase()).as("the car still waits: nothing restarted")
                .isEqualTo(LanePhase.AWAITING_PAYMENT);

        fire("#bo-lang-zh");
        await().atMost(WAIT).untilAsserted(() -> assertThat(text("#status-B1")).startsWith("京A12345 请收费"));
        assertThat(text("#cash-B1")).isEqualTo("现金收费  F1");
        assertThat(texts("#checkout-B1")).contains("收费明细");
    }
}
