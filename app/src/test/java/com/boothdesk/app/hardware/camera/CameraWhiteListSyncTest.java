package com.boothdesk.app.hardware.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.lists.MonthMember;
import com.boothdesk.app.domain.lists.MonthlyCard;
import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.devices.sim.hikvision.SimulatedHikvisionCamera;

/**
 * The white-list sync proof, on Hikvision cameras read over their alert streams: monthly cards added at the
 * booth (ListAdmin) and by the cloud reach the cameras' own lists as soon as they are stored (no wait for the
 * periodic sync), a card limited to another lane stays off the entry camera (but not the exit's); with the booth
 * stopped the entry camera lets the card's car in by itself and nobody else, and when the booth is back the camera
 * re-sends the passage and the booth records the stay.
 */
class CameraWhiteListSyncTest {

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
    void cardsReachTheCamerasAtOnceByLaneAndTheOfflinePassageIsRecordedWhenTheBoothReturns() throws Exception {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        // the cameras' clocks: 08:10 on the booth's first day (the car comes while the booth is down)
        Clock cameraClock = Clock.fixed(RunningBooth.EIGHT_AM.plus(Duration.ofMinutes(10)), shanghai);
        try (SimulatedHikvisionCamera a = new SimulatedHikvisionCamera(URI.create("http://127.0.0.1:1/"), "admin",
                "Hik12345", cameraClock);
             SimulatedHikvisionCamera b = new SimulatedHikvisionCamera(URI.create("http://127.0.0.1:1/"), "admin",
                     "Hik12345", cameraClock)) {
            String[] keys = {"lane.A1.camera", "HIK-A1", "lane.A1.camera.kind", "hikvision",
                "lane.A1.camera.host", "127.0.0.1", "lane.A1.camera.port", String.valueOf(a.isapiBase().getPort()),
                "lane.A1.camera.user", "admin", "lane.A1.camera.password", "Hik12345", "lane.A1.camera.events",
                "stream", "lane.A1.gate", "camera",
                "lane.B1.camera", "HIK-B1", "lane.B1.camera.kind", "hikvision",
                "lane.B1.camera.host", "127.0.0.1", "lane.B1.camera.port", String.valueOf(b.isapiBase().getPort()),
                "lane.B1.camera.user", "admin", "lane.B1.camera.password", "Hik12345", "lane.B1.camera.events",
                "stream", "lane.B1.gate", "camera",
                "camera.white_list_check_seconds", "1"};
            booth = RunningBooth.start(data, keys);
            await().atMost(RunningBooth.WAIT).until(() -> a.alertStream().attached() == 1
                    && b.alertStream().attached() == 1);

            LocalDate from = LocalDate.of(2026, 11, 1);
            LocalDate to = LocalDate.of(2026, 12, 31);
            // at the booth: one card for every lane, one limited to lane A2 (not this entry)
            booth.app.listAdmin().saveMonthMember(MonthMember.of(new MonthlyCard("M1", List.of("京G00001"), "张三",
                    from, to, 1, "", Set.of())));
            booth.app.listAdmin().saveMonthMember(MonthMember.of(new MonthlyCard("M2", List.of("京G00002"), "王五",
                    from, to, 1, "", Set.of("A2"))));
            // by the cloud
            assertThat(booth.push("{'service_name':'month_member_sync','data':{'card_id':'100000','operate_type':1,"
                    + "'begin_time':1761926400,'end_time':1798000000,'car_number':'京G00003','name':'李四',"
                    + "'p_lot':'1','price':'300.00','amount_receivable':300.0,'pid':'null','car_type_id':'null',"
                    + "'channel_id':'','park_id':'24155','tel':'','remark':'会员1'}}").path("state").asInt())
                    .isEqualTo(1);
            await().atMost(RunningBooth.WAIT).until(() -> a.side().whiteList().containsAll(Set.of("京G00001",
                    "京G00003")) && b.side().whiteList().containsAll(Set.of("京G00001", "京G00002", "京G00003")));
            assertThat(a.side().whiteList()).doesNotContain("京G00002");
            assertThat(a.requests().to("/ISAPI/Traffic/channels/1/licensePlateAuditData/record")).isNotEmpty();

            booth.close();
            booth = null;
            await().atMost(RunningBooth.WAIT).until(() -> a.alertStream().attached() == 0);
            assertThat(a.push("京G00001")).isFalse();
            assertThat(a.push("京G00002")).isFalse();
            assertThat(a.push("京T00009")).isFalse();
            assertThat(a.side().offlineOpens()).isEqualTo(1);
            assertThat(a.side().opens()).isEqualTo(1);

            booth = RunningBooth.startAt(data, RunningBooth.EIGHT_AM.plus(Duration.ofMinutes(30)),
                    Clock.systemUTC(), keys);
            await().atMost(RunningBooth.WAIT).until(() -> booth.app.orders().findInLot("京G00001").isPresent());
            var stay = booth.app.orders().findInLot("京G00001").orElseThrow();
            assertThat(stay.kind()).isEqualTo(CarKind.MONTHLY);
            // at the time the camera let it in, not when the booth heard of it
            assertThat(stay.inTime()).isEqualTo(RunningBooth.EIGHT_AM.plus(Duration.ofMinutes(10)));
            assertThat(booth.app.orders().findInLot("京G00002")).isEmpty();
            assertThat(booth.app.orders().findInLot("京T00009")).isEmpty();
            // recorded, never answered with a barrier open (the re-push is history)
            assertThat(a.side().opens()).isEqualTo(1);
        }
    }
}
