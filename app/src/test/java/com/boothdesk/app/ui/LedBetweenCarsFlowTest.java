package com.boothdesk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.devices.sim.SimulatedLaneCard;

/**
 * What the lane's LED shows between cars, read back from the pty: the simulated card decodes the booth's frames from
 * its end of the pty pair and keeps its four lines as the screen would show them. After a refusal (F4) the card
 * shows the lane's idle text at once; after a car passed it does so once {@code lane.idle_after_seconds} ran out.
 * The screen's echo, voice line and fee box follow.
 */
class LedBetweenCarsFlowTest {

    static final Duration WAIT = RunningBooth.WAIT;

    @TempDir
    Path data;
    RunningBooth booth;
    FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws TimeoutException {
        booth = RunningBooth.start(data, "lane.idle_after_seconds", "1");
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> new BoothWindow(booth.app).show(s));
    }

    @AfterEach
    void stop() throws TimeoutException {
        FxToolkit.cleanupStages();
        booth.close();
    }

    @Test
    void afterARefusalTheCardShowsTheIdleTextAndTheScreenNoLongerShowsTheFee() {
        exitWaitingToPay("京A12345");
        await().atMost(WAIT).until(() -> String.join("|", card("B1").displayLines()).contains("请交费"));
        robot.clickOn("#plate-B1");
        robot.type(KeyCode.F4);
        await().atMost(WAIT).until(() -> phase("B1") == LanePhase.REFUSED);
        List<String> idle = idle("B1");
        await().atMost(WAIT).until(() -> card("B1").displayLines().equals(idle));
        await().atMost(WAIT).until(() -> text("#led-B1").equals(String.join(" | ", idle.subList(0, 2))));
        assertThat(text("#voice-B1")).isEmpty();
        assertThat(text("#due-B1")).isEqualTo("—");
        assertThat(text("#gross-B1")).isEqualTo("—");
    }

    @Test
    void aWhileAfterAPaidCarLeftTheCardShowsTheIdleTextAndANewCarGetsOnlyItsOwn() {
        exitWaitingToPay("京A12345");
        robot.clickOn("#plate-B1");
        robot.type(KeyCode.F1);
        await().atMost(WAIT).until(() -> phase("B1") == LanePhase.RELEASED);
        await().atMost(WAIT).until(() -> card("B1").displayLines().contains("一路顺风"));
        List<String> idle = idle("B1");
        await().atMost(WAIT).until(() -> card("B1").displayLines().equals(idle));
        await().atMost(WAIT).until(() -> text("#led-B1").equals(String.join(" | ", idle.subList(0, 2))));
        assertThat(text("#voice-B1")).as("no goodbye left for the next car").isEmpty();

        // the next car at the exit has no record: its own text, no trace of the paid one
        booth.clock.advance(Duration.ofMinutes(1));
        booth.camera("SIM-CAM-B1").push("沪C99999");
        await().atMost(WAIT).until(() -> phase("B1") == LanePhase.NO_RECORD);
        await().atMost(WAIT).until(() -> String.join("|", card("B1").displayLines()).contains("沪C99999")
                && String.join("|", card("B1").displayLines()).contains("无入场记录"));
        assertThat(card("B1").displayLines()).doesNotContain("一路顺风", "京A12345", "欢迎光临");
        await().atMost(WAIT).until(() -> text("#led-B1").contains("沪C99999"));
        assertThat(text("#voice-B1")).doesNotContain("一路顺风");
        assertThat(text("#due-B1")).isEqualTo("—");
    }

    @Test
    void theEntryCardGoesBackToTheIdleTextAfterTheCarWentIn() {
        booth.enter("京A12345");
        List<String> idle = idle("A1");
        await().atMost(WAIT).until(() -> card("A1").displayLines().equals(idle));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** The idle text as the card's four lines, with the area's free spaces now. */
    private List<String> idle(String lane) {
        int free = booth.app.spaces().free(booth.app.spaces().areaOf(lane));
        return List.of("欢迎光临", "余位" + free, "", "");
    }

    private void exitWaitingToPay(String plate) {
        String orderId = booth.enter(plate);
        booth.clock.advance(Duration.ofHours(3));
        booth.camera("SIM-CAM-B1").push(plate);
        await().atMost(WAIT).until(() -> phase("B1") == LanePhase.AWAITING_PAYMENT
                && booth.app.lane("B1").state().get().order().orderId().equals(orderId));
        await().atMost(WAIT).until(() -> text("#status-B1").contains(plate));
    }

    private SimulatedLaneCard card(String lane) {
        return booth.app.hardware().simulatedCard(lane).orElseThrow();
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private LanePhase phase(String lane) {
        return booth.app.lane(lane).state().get().phase();
    }
}
