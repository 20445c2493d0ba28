package com.boothdesk.devices.camera.hikvision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.boothdesk.devices.camera.PlateEvent;
import com.boothdesk.devices.gate.GateState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HikvisionEventsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T00:00:10Z");

    static byte[] golden(String name) throws IOException {
        try (InputStream in = HikvisionEventsTest.class.getResourceAsStream("/cameras/hikvision/" + name)) {
            return in.readAllBytes();
        }
    }

    private static PlateEvent plate(String ct, byte[] body) {
        return ((HikvisionEvents.Plate) HikvisionEvents.decode(ct, body, "HIK-1", "192.168.1.64", NOW)).event();
    }

    @Test
    void xmlAnprEvent() throws IOException {
        PlateEvent e = plate("application/xml", golden("anpr_event.xml"));
        assertThat(e.plate()).isEqualTo("京A12345");
        assertThat(e.serialNo()).isEqualTo("HIK-1");
        assertThat(e.colorCode()).isEqualTo(1);
        assertThat(e.confidence()).isEqualTo(98);
        assertThat(e.vehicleType()).isEqualTo("truck");
        assertThat(e.deviceName()).isEqualTo("Entrance");
        assertThat(e.cameraTime()).isEqualTo(Instant.parse("2026-11-25T00:00:05Z"));
        assertThat(e.readAt()).isEqualTo(NOW);
        assertThat(e.offline()).isFalse();
        assertThat(e.plateId()).isEqualTo("5f0a9e3c-0001-4b00-9000-441900000001".hashCode() & 0x7fffffffL);
    }

    @Test
    void multipartCarriesThePlateCropAndTheSceneByteExact() throws IOException {
        PlateEvent e = plate("multipart/form-data; boundary=MIME_boundary", golden("anpr_multipart.bin"));
        assertThat(e.plate()).isEqualTo("京A12345");
        assertThat(e.plateImage()).containsExactly(0xFF, 0xD8, 0xFF, 0xE0, 0xAA, 0x01, 0xFF, 0xD9);
        assertThat(e.fullImage()).containsExactly(0xFF, 0xD8, 0xFF, 0xE0, 0xBB, 0x02, 0x02, 0xFF, 0xD9);
    }

    @Test
    void noPlateForm() throws IOException {
        PlateEvent e = plate("application/xml", golden("anpr_noplate.xml"));
        assertThat(e.noPlate()).isTrue();
        assertThat(e.colorCode()).isZero();
        assertThat(e.vehicleType()).isEqualTo("car");
    }

    @Test
    void retransmittedJsonRecordIsOfflineWithTheCamerasTime() throws IOException {
        PlateEvent e = plate("application/json", golden("anpr_retransmission.json"));
        assertThat(e.plate()).isEqualTo("沪B54321");
        assertThat(e.offline()).isTrue();
        assertThat(e.readAt()).isEqualTo(Instant.parse("2026-11-24T14:15:00Z"));
        assertThat(e.colorCode()).isEqualTo(6);
        assertThat(e.vehicleType()).isEqualTo("bus");
    }

    @Test
    void heartbeatAndOtherEvents() throws IOException {
        assertThat(HikvisionEvents.decode("application/xml", golden("heartbeat.xml"), "H", "p", NOW))
                .isInstanceOf(HikvisionEvents.Heartbeat.class);
        assertThat(HikvisionEvents.decode("application/xml", ("<EventNotificationAlert><eventType>vmd</eventType>"
                + "<eventState>active</eventState></EventNotificationAlert>").getBytes(StandardCharsets.UTF_8),
                "H", "p", NOW)).isEqualTo(new HikvisionEvents.Other("vmd"));
    }

    @Test
    void externalEntitiesAndGarbageAreRefused() throws IOException {
        byte[] xxe = golden("xxe.xml");
        assertThatThrownBy(() -> HikvisionEvents.decode("application/xml", xxe, "H", "p", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed XML");
        assertThatThrownBy(() -> HikvisionEvents.decode("application/xml", "not xml".getBytes(), "H", "p", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HikvisionEvents.decode("multipart/form-data; boundary=zz", "--zz\r\nx".getBytes(),
                "H", "p", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HikvisionEvents.decode("application/xml",
                "<EventNotificationAlert><eventType>ANPR</eventType></EventNotificationAlert>".getBytes(), "H", "p",
                NOW)).hasMessageContaining("licensePlate");
    }

    @Test
    void isapiBodiesAreTheDocumentedForm() {
        assertThat(new String(HikvisionIsapi.barrierBody("open"), StandardCharsets.UTF_8)).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><BarrierGate version=\"2.0\" "
                        + "xmlns=\"http://www.isapi.org/ver20/XMLSchema\"><ctrlMode>open</ctrlMode></BarrierGate>");
        assertThat(HikvisionIsapi.barrierPath(1)).isEqualTo("/ISAPI/Parking/channels/1/barrierGate");
        assertThat(HikvisionIsapi.barrierState(("<BarrierGateStatus><barrierGateStatus>2</barrierGateStatus>"
                + "</BarrierGateStatus>").getBytes())).isEqualTo(GateState.OPEN);
        assertThat(HikvisionIsapi.barrierState(("<BarrierGateStatus><barrierGateStatus>1</barrierGateStatus>"
                + "</BarrierGateStatus>").getBytes())).isEqualTo(GateState.CLOSED);
        assertThat(HikvisionIsapi.barrierState("{\"BarrierGateStatus\":{\"barrierGateStatus\":\"0\"}}".getBytes()))
                .isEqualTo(GateState.UNKNOWN);
        assertThat(new String(HikvisionIsapi.timeBody(LocalDateTime.of(2026, 11, 25, 8, 0), ZoneOffset.ofHours(8)),
                StandardCharsets.UTF_8)).contains("<localTime>2026-11-25T08:00:00</localTime>")
                .contains("<timeZone>CST-8:00:00</timeZone>");
    }
}
