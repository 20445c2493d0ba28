package com.boothdesk.app.hardware.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.payment.QrCodes;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.devices.card.CardFrames;
import com.boothdesk.devices.sim.CardEvent;
import com.boothdesk.devices.sim.SimulatedLaneCard;

/**
 * The no-plate car's scan-in code on the entry LED (3.3 scan-in): a car without a plate waits at the entry, the lane's
 * card shows the 无牌车入场码 (2.18 {@code code_url} type 3 from the cloud, or the site's fixed code) as its QR screen,
 * byte-exact on the card's serial line; the driver scans it and the cloud's 3.3 lets the car in.
 */
class EntryScanInCodeTest {

    @TempDir
    Path data;

    private RunningBooth booth;

    @AfterEach
    void stop() {
        if (booth != null) {
            booth.close();
        }
    }

    @Test
    void theCloudsScanInCodeIsShownOnTheEntryCardWhileTheNoPlateCarWaitsAndTheScanLetsItIn() throws Exception {
        booth = RunningBooth.start(data, "lane.A1.card.qr", "string");
        var scanIn = booth.app.scanInCodes().orElseThrow();
        String expected = "https://beta.bolink.club/unionapi/nolienceinpark?code="
                + booth.app.config().cloud().parkId() + "-A1";
        await().atMost(RunningBooth.WAIT).until(() -> scanIn.code("A1").isPresent());
        assertThat(scanIn.code("A1")).contains(expected);
        SimulatedLaneCard card = booth.app.hardware().simulatedCard("A1").orElseThrow();

        booth.camera("SIM-CAM-A1").pushNoPlate();
        await().atMost(RunningBooth.WAIT).until(() -> booth.app.lane("A1").state().get().phase()
                == LanePhase.AWAITING_CONFIRMATION);
        byte[] frame = CardFrames.qrPayment(0, expected, EntryScanInCode.TEXT, 0, 0, false).encode();
        await().atMost(RunningBooth.WAIT).until(() -> card.receivedFrames().stream()
                .anyMatch(f -> Arrays.equals(f.encode(), frame)));
        assertThat(card.events()).contains(new CardEvent.QrShown(expected, EntryScanInCode.TEXT, 0));
        // a plated car at the exit lane's card never gets it
        assertThat(booth.app.hardware().simulatedCard("B1").orElseThrow().events())
                .noneMatch(e -> e instanceof CardEvent.QrShown);

        // the driver scanned: the cloud's 3.3 lets the car in under its pseudo-plate
        var answer = booth.push("{'service_name':'nolicence_in_park','car_number':'62000F9','channel_id':'A1',"
                + "'timetemp':" + booth.clock.instant().getEpochSecond() + "}");
        assertThat(answer.path("state").asInt()).isEqualTo(1);
        await().atMost(RunningBooth.WAIT).until(() -> booth.app.orders().findInLot("62000F9").isPresent());
        await().atMost(RunningBooth.WAIT).until(() -> booth.app.lane("A1").state().get().phase()
                == LanePhase.ENTERED);
    }

    @Test
    void aFixedCodeIsDrawnAsABitmapWithoutTheCloud() throws Exception {
        String fixed = "https://park.example/scan-in/A1";
        booth = RunningBooth.start(data, "lane.A1.card.qr", "bitmap", "lane.A1.scan_in_code", fixed);
        SimulatedLaneCard card = booth.app.hardware().simulatedCard("A1").orElseThrow();
        booth.camera("SIM-CAM-A1").pushNoPlate();
        boolean[][] modules = QrCodes.forCard(fixed, false).orElseThrow();
        await().atMost(RunningBooth.WAIT).untilAsserted(() -> assertThat(card.events()).anySatisfy(e -> {
            assertThat(e).isInstanceOf(CardEvent.QrDrawn.class);
            assertThat(((CardEvent.QrDrawn) e).modules()).isDeepEqualTo(modules);
            assertThat(((CardEvent.QrDrawn) e).text()).isEqualTo(EntryScanInCode.TEXT);
        }));
        // shown once per car: a second state publication of the same waiting car sends nothing more
        long drawn = card.events().stream().filter(e -> e instanceof CardEvent.QrDrawn).count();
        assertThat(drawn).isEqualTo(1);
    }
}
