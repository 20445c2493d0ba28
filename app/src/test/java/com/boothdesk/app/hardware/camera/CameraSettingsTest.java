package com.boothdesk.app.hardware.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.config.ConfigException;
import com.boothdesk.app.testing.TestBooth;
import com.boothdesk.devices.camera.common.CameraKind;

class CameraSettingsTest {
    @TempDir
    Path data;

    @Test
    void todaysKeysKeepTheZhenshiPushAndNeedNothingNew() {
        CameraSettings s = CameraSettings.from(TestBooth.config(data));
        assertThat(s.lanes()).extracting(CameraSettings.CameraLane::kind).containsOnly(CameraKind.ZHENSHI);
        assertThat(s.adapterLanes()).isEmpty();
        assertThat(s.replyCardLanes()).isEmpty();
        assertThat(s.clockSync()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void brandDefaultsAndCardBehindTheCamera() {
        CameraSettings s = CameraSettings.from(TestBooth.config(data, "lane.A1.camera.kind", "zhenshi_tcp",
                "lane.A1.camera.host", "192.168.1.100", "lane.A1.card.via", "camera", "lane.A1.card.rs485", "2",
                "lane.B1.camera.kind", "Hikvision", "lane.B1.camera.host", "192.168.1.64",
                "lane.B1.camera.user", "admin", "lane.B1.camera.password", "pw", "camera.listen.port", "8090"));
        CameraSettings.CameraLane a = s.lanes().get(0);
        assertThat(a.kind()).isEqualTo(CameraKind.ZHENSHI_TCP);
        assertThat(a.port()).isEqualTo(8131);
        assertThat(a.cardViaCamera()).isTrue();
        assertThat(a.rs485()).isEqualTo(1);
        CameraSettings.CameraLane b = s.lanes().get(1);
        assertThat(b.kind()).isEqualTo(CameraKind.HIKVISION);
        assertThat(b.port()).isEqualTo(80);
        assertThat(b.channel()).isEqualTo(1);
        assertThat(b.user()).isEqualTo("admin");
        assertThat(s.listenPort()).isEqualTo(8090);
    }

    @Test
    void eventStreamsAndWhiteListTimingAndLaneDirection() {
        CameraSettings s = CameraSettings.from(TestBooth.config(data, "lane.A1.camera.kind", "dahua",
                "lane.A1.camera.host", "192.168.1.108", "lane.A1.camera.events", "Stream",
                "lane.B1.camera.kind", "hikvision", "lane.B1.camera.host", "192.168.1.64",
                "camera.stream_idle_seconds", "12", "camera.white_list_check_seconds", "2"));
        assertThat(s.lanes().get(0).stream()).isTrue();
        assertThat(s.lanes().get(0).entry()).isTrue();
        assertThat(s.lanes().get(1).stream()).isFalse();
        assertThat(s.lanes().get(1).entry()).isFalse();
        assertThat(s.streamIdle()).isEqualTo(Duration.ofSeconds(12));
        assertThat(s.whiteListCheck()).isEqualTo(Duration.ofSeconds(2));
        CameraSettings d = CameraSettings.from(TestBooth.config(data));
        assertThat(d.streamIdle()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.whiteListCheck()).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> CameraSettings.from(TestBooth.config(data, "lane.A1.camera.kind", "huaxia",
                "lane.A1.camera.host", "10.0.0.1", "lane.A1.camera.events", "stream")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lane.A1.camera.events")
                .hasMessageContaining("only hikvision and dahua");
        assertThatThrownBy(() -> CameraSettings.from(TestBooth.config(data, "lane.A1.camera.kind", "dahua",
                "lane.A1.camera.host", "10.0.0.1", "lane.A1.camera.events", "poll")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'push' or 'stream'");
        assertThatThrownBy(() -> CameraSettings.from(TestBooth.config(data, "camera.stream_idle_seconds", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("camera.stream_idle_seconds");
    }

    @Test
    void mistakesAreNamedByTheirKey() {
        assertThatThrownBy(() -> CameraSettings.from(TestBooth.config(data, "lane.A1.camera.kind", "axis")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lane.A1.camera.kind")
                .hasMessageContaining("zhenshi_tcp");
        assertThatThrownBy(() -> CameraSettings.from(TestBooth.config(data, "lane.A1.camera.kind", "dahua")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lane.A1.camera.host");
        assertThatThrownBy(() -> CameraSettings.from(TestBooth.config(data, "lane.A1.camera.kind", "hikvision",
                "lane.A1.camera.host", "10.0.0.1", "lane.A1.card.via", "camera")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no RS485");
        assertThatThrownBy(() -> CameraSettings.from(TestBooth.config(data, "lane.A1.card.via", "wifi")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lane.A1.card.via");
        assertThatThrownBy(() -> CameraSettings.from(TestBooth.config(data, "camera.listen.port", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("camera.listen.port");
    }
}
