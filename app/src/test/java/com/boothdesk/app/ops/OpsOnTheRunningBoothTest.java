package com.boothdesk.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.sim.CardEvent;
import com.boothdesk.devices.sim.SimulatedLaneCard;
import com.boothdesk.sdk.sim.ReceivedUplink;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The operations work wired into the running booth: the LED cards' clocks set over the real pty lines (0x05), the
 * cloud's 3.32 answered with a 2.32 that reaches the simulator with a zip that exists, and a cloud time from the
 * future raising the header's clock alert.
 */
class OpsOnTheRunningBoothTest {

    @TempDir
    Path data;

    @Test
    void cardClocksLogUploadAndClockDriftOnTheRunningBooth() throws Exception {
        Files.createDirectories(data.resolve("logs"));
        Files.writeString(data.resolve("logs/boothdesk.log"), "2026-12-01 10:00:00.000 INFO booth line\n",
                StandardCharsets.UTF_8);
        Clock linkClock = Clock.systemUTC();
        try (RunningBooth booth = RunningBooth.start(data, linkClock)) {
            OpsModule ops = booth.app.ops();

            // LED card clocks: both lanes' simulated cards receive 0x05 with the booth's local time and ACK it
            LocalDateTime before = LocalDateTime.now(linkClock).withNano(0);
            Map<String, CardClockSync.Attempt> r = ops.cardClocks().syncAll();
            assertThat(r).containsOnlyKeys("A1", "B1");
            assertThat(r.values()).allSatisfy(a -> assertThat(a.status()).isEqualTo(CommandOutcome.Status.ACKED));
            for (String lane : new String[] {"A1", "B1"}) {
                SimulatedLaneCard card = booth.app.hardware().simulatedCard(lane).orElseThrow();
                assertThat(card.events()).filteredOn(e -> e instanceof CardEvent.TimeSynced).last()
                        .satisfies(e -> assertThat(((CardEvent.TimeSynced) e).time())
                                .isBetween(before, LocalDateTime.now(linkClock).plusSeconds(1)));
            }
            booth.app.hardware().simulatedCard("B1").orElseThrow().setAnswering(false);
            assertThat(ops.cardClocks().syncAll().get("B1").confirmed()).as("a card that does not answer").isFalse();
            booth.app.hardware().simulatedCard("B1").orElseThrow().setAnswering(true);

            // 3.32 from the cloud: answered, the logs zipped, 2.32 upload_file at the cloud with that file
            ObjectNode reply = booth.push("{'service_name':'upload_park_log','park_id':'" + booth.cloud().parkId()
                    + "','request_no':'upload_park_log15781293129381'}");
            assertThat(reply.path("state").asInt()).isEqualTo(1);
            await().atMost(RunningBooth.WAIT).until(() -> !booth.cloud().received("upload_file").isEmpty());
            ReceivedUplink up = booth.cloud().received("upload_file").get(0);
            assertThat(up.data().path("data_target").asText()).isEqualTo("bolink");
            Path zip = Path.of(up.data().path("filepath").asText());
            assertThat(zip).exists().startsWith(data.resolve("logs").toAbsolutePath());
            assertThat(new String(Files.readAllBytes(zip), StandardCharsets.ISO_8859_1)).contains("boothdesk.log");

            // the cloud's clock ten minutes ahead of the booth's: the header's alert list says so
            assertThat(ops.alerts().get()).noneMatch(a -> a.key().startsWith("ops.alert.clock"));
            long future = linkClock.instant().plus(Duration.ofMinutes(10)).getEpochSecond();
            booth.push("{'service_name':'prepay_order','car_number':'京A00000','prepay':1.0,'order_id':'nope',"
                    + "'park_id':'" + booth.cloud().parkId() + "','trade_no':'t-drift','query_time':" + future
                    + ",'pay_time':" + future + ",'pay_channel':0}");
            await().atMost(RunningBooth.WAIT).untilAsserted(() -> assertThat(ops.alerts().get())
                    .anySatisfy(a -> {
                        assertThat(a.key()).isEqualTo("ops.alert.clock_behind");
                        assertThat(a.args().get(0)).isEqualTo("cloud");
                        assertThat((Long) a.args().get(1)).isBetween(590L, 610L);
                    }));

            // an entry camera whose clock is 200 s behind: after three live reads the header says so
            Clock cameraClock = Clock.offset(linkClock, Duration.ofSeconds(-200));
            var camera = new com.boothdesk.devices.sim.SimulatedZhenshiCamera(java.net.URI.create("http://127.0.0.1:"
                    + booth.app.cameraPort() + "/"), "SIM-CAM-A1", "127.0.0.1", cameraClock);
            for (String plate : new String[] {"京A10001", "京A10002", "京A10003"}) {
                camera.push(plate);
            }
            await().atMost(RunningBooth.WAIT).untilAsserted(() -> assertThat(ops.alerts().get())
                    .anySatisfy(a -> {
                        assertThat(a.key()).isEqualTo("ops.alert.clock_ahead");
                        assertThat(a.args().get(0)).isEqualTo("camera:SIM-CAM-A1");
                        assertThat((Long) a.args().get(1)).isBetween(195L, 215L);
                    }));
        }
    }
}
