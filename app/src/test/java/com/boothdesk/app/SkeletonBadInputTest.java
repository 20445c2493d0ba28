package com.boothdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;
import com.boothdesk.devices.card.CardFrame;
import com.boothdesk.devices.card.CardFrames;
import com.boothdesk.devices.card.LaneCard;
import com.boothdesk.devices.serial.SerialLink;
import com.boothdesk.sdk.link.LinkStatus;
import com.boothdesk.sdk.sim.CloudSimulator;

/**
 * Bad input at each door of the running booth — the camera endpoint, the cloud link, the serial line — is
 * refused or skipped with a log line, and the lane keeps working afterwards.
 */
class SkeletonBadInputTest {

    static final Duration WAIT = RunningBooth.WAIT;

    @TempDir
    Path data;
    RunningBooth booth;
    BoothApp app;
    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        booth = RunningBooth.start(data);
        app = booth.app;
    }

    @AfterEach
    void stop() {
        booth.close();
    }

    @Test
    void malformedCameraPushesAreRefusedAndTheLaneStillTakesTheNextCar() throws Exception {
        for (String body : new String[] {"{not json", "", "[]", "{\"AlarmInfoPlate\":\"x\"}",
                "{\"AlarmInfoPlate\":{\"result\":{\"PlateResult\":{\"license\":12}}}}", "\u0000\u00ff\u0001"}) {
            HttpResponse<String> r = post(body);
            assertThat(r.statusCode()).as("answer to %s", body).isBetween(400, 499);
        }
        assertThat(app.orders().countInLot()).isZero();

        camera("SIM-CAM-A1").push("京A12345");
        await().atMost(WAIT).until(() -> app.orders().findInLot("京A12345").isPresent());
    }

    @Test
    void garbageFromTheCloudIsSkippedAndTheLinkKeepsDelivering() {
        CloudSimulator cloud = app.cloudSimulator().orElseThrow();
        cloud.sendGarbageLine("{this is not json");
        cloud.sendGarbageLine("\u0001\u0002\u0003 binary \u00ff");
        cloud.sendGarbageLine("{\"service_name\":12,\"data\":[]}");

        camera("SIM-CAM-A1").push("京A12345");
        await().atMost(WAIT).until(() -> cloud.received("in_park").size() == 1);
        assertThat(app.cloudLink().orElseThrow().status()).isEqualTo(LinkStatus.LOGGED_IN);
    }

    @Test
    void aTruncatedFrameOnTheSerialLineIsDiscardedAndTheGateStillOpens() throws Exception {
        SerialLink cardSide = app.hardware().simulatorLine("A1").orElseThrow();
        LaneCard driver = app.hardware().card("A1").orElseThrow();
        byte[] ack = CardFrames.openGate(0).reply(0).encode();
        byte[] truncated = java.util.Arrays.copyOf(ack, ack.length - 3);
        cardSide.write(truncated);
        cardSide.write(new byte[] {(byte) 0xAA, 0x55, 0x00});
        await().atMost(WAIT).until(() -> driver.discardedBytes() > 0);

        camera("SIM-CAM-A1").push("京A12345");
        byte[] gate = CardFrames.openGate(0).encode();
        await().atMost(WAIT).until(() -> app.hardware().simulatedCard("A1").orElseThrow().receivedFrames().stream()
                .map(CardFrame::encode).anyMatch(b -> java.util.Arrays.equals(b, gate)));
        assertThat(app.lane("A1").state().get().phase()).isEqualTo(LanePhase.ENTERED);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.cameraPort() + "/"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private SimulatedZhenshiCamera camera(String serial) {
        return booth.camera(serial);
    }
}
