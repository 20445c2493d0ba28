package com.boothdesk.app.hardware.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.common.Addresses;
import com.boothdesk.devices.camera.common.CameraHttpClient;
import com.boothdesk.devices.camera.hikvision.HikvisionCamera;
import com.boothdesk.devices.camera.huaxia.HuaxiaCamera;
import com.boothdesk.devices.health.DeviceHealth;
import com.boothdesk.devices.snapshot.Snapshot;
import com.boothdesk.devices.snapshot.SnapshotException;
import com.boothdesk.devices.sim.hikvision.SimulatedHikvisionCamera;

/** {@code lane.<id>.snapshot=camera}: the picture comes from the lane camera over its own API. */
class CameraSnapshotSourceTest {

    @Test
    void hikvisionPictureOverIsapiWithDigest() throws Exception {
        Clock clock = Clock.systemUTC();
        SimulatedHikvisionCamera sim = new SimulatedHikvisionCamera(URI.create("http://127.0.0.1:1/"), "admin",
                "Hik12345", clock);
        HikvisionCamera camera = new HikvisionCamera("HIK-1", new CameraHttpClient(sim.isapiBase(), "admin",
                "Hik12345", Duration.ofSeconds(3), 1 << 20), 1, Addresses.resolve("127.0.0.1"),
                e -> CameraReply.none(), clock, Duration.ofMinutes(10));
        try {
            CameraSnapshotSource source = new CameraSnapshotSource(camera, clock);
            Snapshot s = source.capture();
            assertThat(s.width()).isEqualTo(640);
            assertThat(s.height()).isEqualTo(360);
            assertThat(s.source()).isEqualTo("hikvision:HIK-1");
            assertThat(source.health().health()).isEqualTo(DeviceHealth.CONNECTED);
            assertThat(sim.requests().to("/ISAPI/Streaming/channels/101/picture")).hasSize(1);

            sim.close();
            assertThatThrownBy(source::capture).isInstanceOf(SnapshotException.class).hasMessageContaining("HIK-1");
            assertThat(source.health().health()).isEqualTo(DeviceHealth.DEGRADED);
        } finally {
            camera.close();
            sim.close();
        }
    }

    @Test
    void aCameraWithoutPicturesOnDemandIsRefusedAtStart() {
        HuaxiaCamera huaxia = new HuaxiaCamera("HX-1", Set.of(), e -> CameraReply.none(), Clock.systemUTC(),
                Duration.ofSeconds(30));
        assertThatThrownBy(() -> new CameraSnapshotSource(huaxia, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("huaxia");
        huaxia.close();
    }
}
