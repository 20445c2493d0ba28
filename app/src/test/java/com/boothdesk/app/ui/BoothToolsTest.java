package com.boothdesk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import com.boothdesk.app.UplinkRow;
import com.boothdesk.app.testing.RunningBooth;

/** The header's tools: every upload with its delivery state, and the attendant's space correction. */
class BoothToolsTest {

    @TempDir
    Path data;
    RunningBooth booth;
    FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws TimeoutException {
        booth = RunningBooth.start(data);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> new BoothWindow(booth.app).show(s));
    }

    @AfterEach
    void stop() throws TimeoutException {
        FxToolkit.cleanupStages();
        booth.close();
    }

    @Test
    void theUploadsWindowShowsEachMessageWithItsState() {
        String orderId = booth.enter("京U00001");
        await().atMost(RunningBooth.WAIT).until(() -> booth.app.recentUplinks(10).stream()
                .anyMatch(r -> orderId.equals(r.key()) && r.status().equals("ACKNOWLEDGED")));
        robot.clickOn("#uplinks-button");
        await().atMost(RunningBooth.WAIT).untilAsserted(() -> {
            @SuppressWarnings("unchecked")
            TableView<UplinkRow> table = robot.lookup("#uplinks").queryAs(TableView.class);
            assertThat(table.getItems()).anySatisfy(r -> {
                assertThat(r.serviceName()).isEqualTo("in_park");
                assertThat(r.key()).isEqualTo(orderId);
                assertThat(r.status()).isEqualTo("ACKNOWLEDGED");
            });
        });
    }

    @Test
    void theAttendantCorrectsTheSpacesWithAReason() {
        int before = booth.app.spaces().free();
        robot.clickOn("#spaces-button");
        robot.doubleClickOn("#spaces-delta .text-field").write("-3");
        robot.clickOn("#spaces-apply");
        await().atMost(RunningBooth.WAIT).untilAsserted(() ->
                assertThat(robot.lookup("#spaces-feedback").queryAs(Label.class).getText()).isNotEmpty());
        assertThat(booth.app.spaces().free()).as("no reason: nothing changed").isEqualTo(before);

        robot.clickOn("#spaces-reason").write("三个车位临时封闭");
        robot.clickOn("#spaces-apply");
        await().atMost(RunningBooth.WAIT).until(() -> booth.app.spaces().free() == before - 3);
    }

    @Test
    void theToolWindowsStayOverTheBoothAndClosedGiveTheKeysBackToIt() {
        javafx.stage.Window booth0 = robot.lookup("#booth").query().getScene().getWindow();
        robot.clickOn("#uplinks-button");
        await().atMost(RunningBooth.WAIT).until(() -> robot.lookup("#uplinks").tryQuery().isPresent());
        javafx.stage.Window uplinks = robot.lookup("#uplinks").query().getScene().getWindow();
        assertThat(((javafx.stage.Stage) uplinks).getOwner()).isSameAs(booth0);
        robot.interact(() -> ((javafx.stage.Stage) uplinks).close());
        robot.clickOn("#spaces-button");
        await().atMost(RunningBooth.WAIT).until(() -> robot.lookup("#spaces-area").tryQuery().isPresent());
        javafx.stage.Window spaces = robot.lookup("#spaces-area").query().getScene().getWindow();
        assertThat(((javafx.stage.Stage) spaces).getOwner()).isSameAs(booth0);
        robot.interact(() -> ((javafx.stage.Stage) spaces).close());

        // the keys act again at once: F12 moves the selection, F7 without a reason says why on the selected lane
        String before = robot.lookup("#status-line").queryAs(Label.class).getText();
        robot.type(javafx.scene.input.KeyCode.F12);
        await().atMost(RunningBooth.WAIT).until(() -> !robot.lookup("#status-line").queryAs(Label.class).getText()
                .equals(before));
    }
}
