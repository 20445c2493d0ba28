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
}
