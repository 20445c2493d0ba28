package com.boothdesk.devices.camera.dahua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.boothdesk.devices.camera.PlateEvent;
import com.boothdesk.devices.camera.common.WhiteListPlate;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DahuaItcTest {
    private static final Instant NOW = Instant.parse("2026-11-25T00:00:10Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static byte[] golden(String name) throws IOException {
        try (InputStream in = DahuaItcTest.class.getResourceAsStream("/cameras/dahua/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void snapStreamTextDecodesByteExactlyIntoAPlateRead() throws IOException {
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, 1, 2, (byte) 0xff, (byte) 0xd9};
        DahuaItc.StreamText t = DahuaItc.decodeStreamText(golden("snap_stream.txt"), jpeg, "DH-ITC-1", "10.0.0.9",
                NOW, SHANGHAI);
        PlateEvent e = ((DahuaItc.StreamEvent) t).event();
        assertThat(e.plate()).isEqualTo("浙A12345");
        assertThat(e.colorCode()).isEqualTo(1);
        assertThat(e.confidence()).isEqualTo(93);
        assertThat(e.plateId()).isEqualTo(516);
        assertThat(e.vehicleType()).isEqualTo("car");
        assertThat(e.cameraTime()).isEqualTo(Instant.parse("2026-11-25T00:00:05Z"));
        assertThat(e.readAt()).isEqualTo(NOW);
        assertThat(e.offline()).isFalse();
        assertThat(e.fullImage()).containsExactly(jpeg);
        assertThat(e.noPlate()).isFalse();
    }

    @Test
    void snapStreamWithoutAPlateAndHeartbeats() throws IOException {
        PlateEvent e = ((DahuaItc.StreamEvent) DahuaItc.decodeStreamText(golden("snap_stream_noplate.txt"),
                new byte[0], "DH-ITC-1", "p", NOW, SHANGHAI)).event();
        assertThat(e.plate()).isEmpty();
        assertThat(e.noPlate()).isTrue();
        assertThat(e.colorCode()).isZero();
        assertThat(DahuaItc.decodeStreamText("Heartbeat\r\n".getBytes(), new byte[0], "c", "p", NOW, SHANGHAI))
                .isInstanceOf(DahuaItc.StreamHeartbeat.class);
        assertThat(DahuaItc.decodeStreamText("Events[0].EventBaseInfo.Code=VideoMotion\r\n".getBytes(), new byte[0],
                "c", "p", NOW, SHANGHAI)).isInstanceOf(DahuaItc.StreamOther.class);
        assertThatThrownBy(() -> DahuaItc.decodeStreamText("<html>oops</html>".getBytes(), new byte[0], "c", "p", NOW,
                SHANGHAI)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without '='");
    }

    @Test
    void tollgateEventDecodes() throws IOException {
        byte[] body = golden("tollgate.json");
        assertThat(DahuaItc.deviceId(body)).isEqualTo("DH-ITC-1");
        PlateEvent e = DahuaItc.decodeTollgate(body, "DH-ITC-1", "10.0.0.8", NOW, SHANGHAI);
        assertThat(e.plate()).isEqualTo("浙A8888B");
        assertThat(e.colorCode()).isEqualTo(2);
        assertThat(e.confidence()).isEqualTo(88);
        assertThat(e.plateId()).isEqualTo(516);
        assertThat(e.vehicleType()).isEqualTo("truck");
        assertThat(e.cameraTime()).isEqualTo(Instant.parse("2026-11-25T00:00:05.250Z"));
        assertThat(e.readAt()).isEqualTo(NOW);
        assertThat(e.fullImage()).containsExactly(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0xFF, 0xD9);
        assertThat(e.plateImage()).containsExactly(0xFF, 0xD8, 0xFF, 0xD9);
        assertThat(e.offline()).isFalse();
    }

    @Test
    void noPlateFormIsAnEmptyPlate() throws IOException {
        PlateEvent e = DahuaItc.decodeTollgate(golden("tollgate_noplate.json"), "DH-ITC-1", "p", NOW, SHANGHAI);
        assertThat(e.plate()).isEmpty();
        assertThat(e.noPlate()).isTrue();
        assertThat(e.vehicleType()).isEqualTo("car");
    }

    @Test
    void offlineReUploadCarriesTheCamerasTime() throws IOException {
        PlateEvent e = DahuaItc.decodeTollgate(golden("tollgate_offline.json"), "DH-ITC-1", "p", NOW, SHANGHAI);
        assertThat(e.offline()).isTrue();
        assertThat(e.readAt()).isEqualTo(Instant.parse("2026-11-24T15:10:00Z"));
        assertThat(e.vehicleType()).isEqualTo("bus");
    }

    @Test
    void keepAliveNamesItsDeviceAndBadBodiesAreRefused() throws IOException {
        assertThat(DahuaItc.deviceId(golden("keepalive.json"))).isEqualTo("DH-ITC-1");
        assertThatThrownBy(() -> DahuaItc.decodeTollgate("{\"x\":1}".getBytes(), "D", "p", NOW, SHANGHAI))
                .hasMessageContaining("Picture.Plate");
        assertThatThrownBy(() -> DahuaItc.decodeTollgate("<xml/>".getBytes(), "D", "p", NOW, SHANGHAI))
                .hasMessageContaining("not JSON");
    }

    @Test
    void cgiRequestsAreTheDocumentedForm() {
        assertThat(DahuaItc.openStrobe(1, "浙A8888B")).isEqualTo("/cgi-bin/trafficSnap.cgi?action=openStrobe"
                + "&channel=1&info.openType=Normal&info.plateNumber=%E6%B5%99A8888B");
        assertThat(DahuaItc.setTime(LocalDateTime.of(2026, 11, 25, 8, 0, 0)))
                .isEqualTo("/cgi-bin/global.cgi?action=setCurrentTime&time=2026-11-25%2008%3A00%3A00");
        assertThat(DahuaItc.whiteListInsert(new WhiteListPlate("浙A1", LocalDateTime.of(2026, 11, 1, 0, 0),
                LocalDateTime.of(2026, 11, 30, 23, 59, 59), "张三"))).isEqualTo("/cgi-bin/recordUpdater.cgi?"
                + "action=insert&name=TrafficRedList&PlateNumber=%E6%B5%99A1&MasterOfCar=%E5%BC%A0%E4%B8%89"
                + "&BeginTime=2026-11-01%2000%3A00%3A00&CancelTime=2026-11-30%2023%3A59%3A59"
                + "&AuthorityList.OpenGate=true");
        assertThat(DahuaItc.whiteListRemove(12)).isEqualTo("/cgi-bin/recordUpdater.cgi?action=remove"
                + "&name=TrafficRedList&recno=12");
        assertThat(DahuaItc.recNo("RecNo=12\r\n")).isEqualTo(12);
        assertThatThrownBy(() -> DahuaItc.recNo("Error\r\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
