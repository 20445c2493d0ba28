package com.boothdesk.app.hardware.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.devices.sim.zhenshitcp.SimulatedZhenshiTcpCamera;

/**
 * Through a total outage: a monthly card the cloud sends reaches the cameras' own white lists; with the booth
 * stopped, the entry camera lets that car in by itself (and nobody else); when the booth is back the camera re-sends
 * the passage and the booth records the stay. Camera clocks are set from the booth.
 */
class CameraWhiteListOutageTest {

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
    void aMonthlyCarGetsInWhileTheBoothIsDownAndItsStayIsRecordedWhenItReturns() throws Exception {
        Clock real = Clock.systemUTC();
        // the cameras keep the site's local time (the booth sets it at start): they stamp records with it
        Clock site = Clock.system(ZoneId.of("Asia/Shanghai"));
        try (SimulatedZhenshiTcpCamera a = new SimulatedZhenshiTcpCamera("ZT-A1", site);
             SimulatedZhenshiTcpCamera b = new SimulatedZhenshiTcpCamera("ZT-B1", site)) {
            String[] keys = {"lane.A1.camera", "ZT-A1", "lane.A1.camera.kind", "zhenshi_tcp",
                "lane.A1.camera.host", "127.0.0.1", "lane.A1.camera.port", String.valueOf(a.port()),
                "lane.A1.gate", "camera", "lane.B1.camera", "ZT-B1", "lane.B1.camera.kind", "zhenshi_tcp",
                "lane.B1.camera.host", "127.0.0.1", "lane.B1.camera.port", String.valueOf(b.port()),
                "lane.B1.gate", "camera"};
            booth = RunningBooth.start(data, keys);
            await().atMost(RunningBooth.WAIT).until(() -> a.subscribed() && b.subscribed());
            // clocks set from the booth's (lanes') clock at start: 2026-11-25 08:00 in Shanghai
            await().atMost(RunningBooth.WAIT).until(() -> a.side().clockSetTo() != null);
            assertThat(a.side().clockSetTo()).isEqualTo(LocalDateTime.ofInstant(booth.clock.instant(),
                    ZoneId.of("Asia/Shanghai")).withNano(0));

            assertThat(booth.push("{'service_name':'month_member_sync','data':{'card_id':'100000','operate_type':1,"
                    + "'begin_time':1764000000,'end_time':1798000000,'car_number':'京G00000','name':'李四',"
                    + "'p_lot':'1','price':'300.00','amount_receivable':300.0,'pid':'null','car_type_id':'null',"
                    + "'channel_id':'','park_id':'24155','tel':'','remark':'会员1'}}").path("state").asInt())
                    .isEqualTo(1);
            booth.app.cameraModule().syncWhiteLists();
            await().atMost(RunningBooth.WAIT).until(() -> a.side().whiteList().contains("京G00000")
                    && b.side().whiteList().contains("京G00000"));

            booth.close();
            booth = null;
            await().atMost(RunningBooth.WAIT).until(() -> !a.subscribed());
            a.drive("京G00000");
            a.drive("京T00001");
            assertThat(a.side().offlineOpens()).isEqualTo(1);
            assertThat(a.side().opens()).isEqualTo(1);

            booth = RunningBooth.startAt(data, RunningBooth.EIGHT_AM.plus(Duration.ofMinutes(30)), real, keys);
            await().atMost(RunningBooth.WAIT).until(() -> booth.app.orders().findInLot("京G00000").isPresent());
            assertThat(booth.app.orders().findInLot("京G00000").orElseThrow().kind()).isEqualTo(CarKind.MONTHLY);
            assertThat(booth.app.orders().findInLot("京T00001")).isEmpty();
            // the re-push was recorded, never answered with a relay pulse
            assertThat(a.side().opens()).isEqualTo(1);
        }
    }
}
