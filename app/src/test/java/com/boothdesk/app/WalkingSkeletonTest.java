package com.boothdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.testing.MutableClock;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.app.ui.BoothFx;
import com.boothdesk.app.ui.BoothWindow;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;
import com.boothdesk.devices.card.CardFrame;
import com.boothdesk.devices.card.CardFrames;
import com.boothdesk.devices.sim.SimulatedLaneCard;
import com.boothdesk.sdk.link.LinkStatus;
import com.boothdesk.sdk.outbox.DeliveryStatus;
import com.boothdesk.sdk.outbox.OutboxEntry;
import com.boothdesk.sdk.sim.CloudSimulator;
import com.boothdesk.sdk.sim.ReceivedUplink;

/**
 * One car in and out through every real part: camera pushes over HTTP, the H2 file, the TCP link to the cloud
 * simulator with signed messages, the gate frame on a pseudo-terminal, and the booth window driven by the keyboard.
 */
class WalkingSkeletonTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path data;

    RunningBooth booth;
    MutableClock clock;
    BoothApp app;
    FxRobot robot = new FxRobot();
    Stage stage;

    @BeforeEach
    void start() throws TimeoutException {
        booth = RunningBooth.start(data);
        clock = booth.clock;
        app = booth.app;
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> new BoothWindow(app).show(s));
    }

    @AfterEach
    void stop() throws TimeoutException {
        FxToolkit.cleanupStages();
        if (booth != null) {
            booth.close();
        }
    }

    @Test
    void carEntersPaysCashAtTheExitAndLeaves() throws Exception {
        CloudSimulator cloud = app.cloudSimulator().orElseThrow();
        SimulatedLaneCard exitCard = app.hardware().simulatedCard("B1").orElseThrow();

        String orderId = enter("京A12345");
        await().atMost(WAIT).until(() -> cloud.received("in_park").size() == 1);
        ReceivedUplink inPark = cloud.received("in_park").get(0);
        assertThat(inPark.signValid()).isTrue();
        assertThat(inPark.data().path("order_id").asText()).isEqualTo(orderId);
        assertThat(inPark.data().path("car_number").asText()).isEqualTo("京A12345");

        clock.advance(Duration.ofHours(3)); // 08:00 -> 11:00: 5 (first hour) + 1 + 1 = 7 yuan with the demo tariff
        exitCamera().push("京A12345");
        await().atMost(WAIT).until(() -> app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(robot.lookup("#status-B1").queryAs(Label.class).getText()).contains("7.00"));

        robot.clickOn("#plate-B1"); // focus the window, as the attendant's hand on the keyboard would
        robot.type(KeyCode.F1);

        await().atMost(WAIT).until(() -> app.lane("B1").state().get().phase() == LanePhase.RELEASED);
        assertThat(orderRow(orderId)).containsExactly("CLOSED", 700L, 700L, "CASH");

        await().atMost(WAIT).until(() -> cloud.received("out_park").size() == 1);
        ReceivedUplink outPark = cloud.received("out_park").get(0);
        assertThat(outPark.signValid()).isTrue();
        assertThat(outPark.data().path("order_id").asText()).isEqualTo(orderId);
        assertThat(outPark.data().path("total").asText()).isEqualTo("7.00");
        assertThat(outPark.data().path("pay_type").asText()).isEqualTo("cash");

        byte[] expectedGate = CardFrames.openGate(0).encode();
        await().atMost(WAIT).until(() -> exitCard.receivedFrames().stream()
                .map(CardFrame::encode).anyMatch(bytes -> java.util.Arrays.equals(bytes, expectedGate)));

        Path shot = Path.of("target/screenshots/booth-main.png");
        robot.interact(() -> BoothFx.saveScreenshot(stage.getScene().getRoot(), shot));
        await().atMost(WAIT).until(() -> Files.exists(shot) && Files.size(shot) > 10_000);
    }

    @Test
    void anExitDuringACloudOutageIsDeliveredOnceAfterReconnect() throws Exception {
        CloudSimulator cloud = app.cloudSimulator().orElseThrow();
        String orderId = enter("沪B54321");
        await().atMost(WAIT).until(() -> cloud.received("in_park").size() == 1);

        cloud.stop();
        await().atMost(WAIT).until(() -> app.cloudLink().orElseThrow().status() != LinkStatus.LOGGED_IN);

        clock.advance(Duration.ofMinutes(75));
        exitCamera().push("沪B54321");
        await().atMost(WAIT).until(() -> app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT);
        robot.clickOn("#plate-B1");
        robot.type(KeyCode.F1);
        await().atMost(WAIT).until(() -> app.lane("B1").state().get().phase() == LanePhase.RELEASED);
        assertThat(orderRow(orderId).get(0)).isEqualTo("CLOSED");
        assertThat(cloud.received("out_park")).isEmpty();
        assertThat(outParkEntry(orderId).status()).isNotEqualTo(DeliveryStatus.ACKNOWLEDGED);

        cloud.restart();
        await().atMost(Duration.ofSeconds(60)).until(() -> outParkEntry(orderId).status() == DeliveryStatus.ACKNOWLEDGED);
        List<ReceivedUplink> outs = cloud.received("out_park");
        assertThat(outs).hasSize(1);
        assertThat(outs.get(0).data().path("order_id").asText()).isEqualTo(orderId);
        assertThat(outs.get(0).signValid()).isTrue();
    }

    private String enter(String plate) {
        entryCamera().push(plate);
        await().atMost(WAIT).until(() -> app.orders().findInLot(plate).isPresent());
        ParkingOrder order = app.orders().findInLot(plate).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.IN_LOT);
        assertThat(order.inTime()).isEqualTo(clock.instant());
        return order.orderId();
    }

    private OutboxEntry outParkEntry(String orderId) {
        return app.outbox().byOrderKey(orderId).stream().filter(e -> e.serviceName().equals("out_park"))
                .findFirst().orElseThrow();
    }

    private SimulatedZhenshiCamera entryCamera() {
        return booth.camera("SIM-CAM-A1");
    }

    private SimulatedZhenshiCamera exitCamera() {
        return booth.camera("SIM-CAM-B1");
    }

    /** status, due, paid, method straight from the H2 row. */
    private List<Object> orderRow(String orderId) {
        return app.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT status, due_fen, paid_fen, pay_method FROM parking_order WHERE order_id = ?")) {
                ps.setString(1, orderId);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).as("order row " + orderId).isTrue();
                    return List.of(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4));
                }
            }
        });
    }
}
