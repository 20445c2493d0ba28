package com.boothdesk.devices.camera.huaxia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.boothdesk.devices.camera.PlateEvent;
import com.boothdesk.devices.camera.SerialPayload;
import com.boothdesk.devices.camera.common.WhiteListPlate;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class HuaxiaProtocolTest {
    private static final Instant NOW = Instant.parse("2026-11-25T00:00:10Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static byte[] golden(String name) throws IOException {
        try (InputStream in = HuaxiaProtocolTest.class.getResourceAsStream("/cameras/huaxia/" + name)) {
            return in.readAllBytes();
        }
    }

    private static PlateEvent plate(String file) throws IOException {
        return ((HuaxiaProtocol.Plate) HuaxiaProtocol.decode(golden(file), "HX-1", "192.168.1.90", NOW, ZONE))
                .event();
    }

    @Test
    void onlineResult() throws IOException {
        PlateEvent e = plate("plate_online.json");
        assertThat(e.plate()).isEqualTo("粤B12345");
        assertThat(e.colorCode()).isEqualTo(1);
        assertThat(e.confidence()).isEqualTo(94);
        assertThat(e.plateId()).isEqualTo(321);
        assertThat(e.vehicleType()).isEqualTo("car");
        assertThat(e.cameraTime()).isEqualTo(Instant.parse("2026-11-25T00:00:05Z"));
        assertThat(e.readAt()).isEqualTo(NOW);
        assertThat(e.fullImage()).containsExactly(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0xFF, 0xD9);
        assertThat(e.plateImage()).containsExactly(0xFF, 0xD8, 0xFF, 0xD9);
    }

    @Test
    void noPlateAndOfflineForms() throws IOException {
        PlateEvent none = plate("plate_noplate.json");
        assertThat(none.plate()).isEmpty();
        assertThat(none.noPlate()).isTrue();
        PlateEvent off = plate("plate_offline.json");
        assertThat(off.offline()).isTrue();
        assertThat(off.readAt()).isEqualTo(Instant.parse("2026-11-24T15:10:00Z"));
        assertThat(off.colorCode()).isEqualTo(6);
        assertThat(off.vehicleType()).isEqualTo("truck");
    }

    @Test
    void heartbeatAndRs485AndGarbage() throws IOException {
        assertThat(HuaxiaProtocol.decode(golden("heartbeat.json"), "HX-1", "p", NOW, ZONE))
                .isEqualTo(new HuaxiaProtocol.Heartbeat("HX-1"));
        HuaxiaProtocol.Rs485 rs = (HuaxiaProtocol.Rs485) HuaxiaProtocol.decode(golden("rs485.json"), "HX-1", "p",
                NOW, ZONE);
        assertThat(rs.data().data()).containsExactly(0x00, 0x64, 0xFF, 0xFF, 0x30, 0x01, 0x00, 0xE0, 0x60);
        assertThatThrownBy(() -> HuaxiaProtocol.decode("{\"type\":\"x\"}".getBytes(), "H", "p", NOW, ZONE))
                .hasMessageContaining("unknown push type");
        assertThatThrownBy(() -> HuaxiaProtocol.decode("[1]".getBytes(), "H", "p", NOW, ZONE))
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void answerOpensIo1AndCarriesRs485ByteExact() {
        byte[] frame = {0x00, 0x64, (byte) 0xFF, (byte) 0xFF, 0x0F, 0x06, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x68,
            (byte) 0xE1};
        String a = HuaxiaProtocol.answer(new HuaxiaProtocol.Reply(true, false, List.of(new SerialPayload(0, frame)),
                null, null));
        assertThat(a).isEqualTo("{\"error_num\":0,\"error_str\":\"noerror\",\"gpio_data\":[{\"ionum\":\"io1\","
                + "\"action\":\"on\"}],\"rs485_data\":[{\"encodetype\":\"base64\",\"channel\":0,\"data\":"
                + "\"AGT//w8GAAEAAAABaOE=\"}]}");
        String w = HuaxiaProtocol.answer(new HuaxiaProtocol.Reply(false, false, List.of(),
                new HuaxiaProtocol.WhiteListOp(0, List.of(new WhiteListPlate("粤B1", LocalDateTime.of(2026, 11, 1, 0,
                        0), LocalDateTime.of(2026, 11, 30, 23, 59, 59), ""))), LocalDateTime.of(2026, 11, 25, 8, 0)));
        assertThat(w).isEqualTo("{\"error_num\":0,\"error_str\":\"noerror\",\"white_list_operate\":{"
                + "\"operate_type\":0,\"white_list_data\":[{\"plate\":\"粤B1\",\"start_time\":\"2026-11-01 00:00:00\","
                + "\"end_time\":\"2026-11-30 23:59:59\"}]},\"time_sync\":\"2026-11-25 08:00:00\"}");
    }
}
