package com.boothdesk.devices.camera.zhenshitcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.boothdesk.devices.camera.PlateEvent;
import com.boothdesk.devices.camera.common.WhiteListPlate;
import com.boothdesk.devices.util.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZhenshiTcpProtocolTest {
    private static final Instant NOW = Instant.parse("2026-11-25T00:00:10Z");

    static byte[] golden(String name) throws IOException {
        try (InputStream in = ZhenshiTcpProtocolTest.class.getResourceAsStream("/cameras/zhenshitcp/" + name)) {
            return in.readAllBytes();
        }
    }

    private static String trimmed(String name) throws IOException {
        return new String(golden(name), StandardCharsets.UTF_8).trim();
    }

    @Test
    void rs485BytesTheCameraRelaysDecodeByteExactly() throws IOException {
        ZhenshiTcpProtocol.Message m = ZhenshiTcpProtocol.decode(VzFrame.json(trimmed("ttransmission_recv.json")),
                "ZT-1", "p", NOW);
        var p = ((ZhenshiTcpProtocol.Serial) m).payload();
        assertThat(p.channel()).isZero();
        assertThat(p.data()).containsExactly(0x00, 0x64, 0xFF, 0xFF, 0x01, 0x01, 0x00, 0xC4, 0x7A);
        // the simulator's relay is the same form
        assertThat(ZhenshiTcpProtocol.serialReceived(0, p.data())).isEqualTo(
                "{\"cmd\":\"ttransmission\",\"subcmd\":\"recv\",\"datalen\":9,\"data\":\"AGT//wEBAMR6\","
                        + "\"comm\":\"rs485-1\"}");
        assertThatThrownBy(() -> ZhenshiTcpProtocol.decode(VzFrame.json("{\"cmd\":\"ttransmission\",\"subcmd\":"
                + "\"recv\",\"datalen\":3,\"data\":\"AGT/\"}".replace("3", "5")), "ZT-1", "p", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("datalen 5");
    }

    @Test
    void ioctlPulseIsTheDocumentedFrameByteForByte() {
        byte[] frame = VzFrame.json(ZhenshiTcpProtocol.ioctl(0, 2, 500)).encode();
        assertThat(Hex.format(frame).replace(" ", "").substring(0, 16)).isEqualToIgnoringCase("565A00000000002C");
        assertThat(new String(frame, 8, frame.length - 8, StandardCharsets.UTF_8))
                .isEqualTo("{\"cmd\":\"ioctl\",\"io\":0,\"value\":2,\"delay\":500}");
        assertThat(VzFrame.keepAlive().encode()).containsExactly(0x56, 0x5A, 0x01, 0, 0, 0, 0, 0);
    }

    @Test
    void subscriptionAndSerialPassThroughAreExact() {
        assertThat(ZhenshiTcpProtocol.subscribe())
                .isEqualTo("{\"cmd\":\"ivsresult\",\"enable\":true,\"format\":\"json\",\"image\":true,\"image_type\":0}");
        byte[] gateFrame = {0x00, 0x64, (byte) 0xFF, (byte) 0xFF, 0x0F, 0x06, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
            0x68, (byte) 0xE1};
        assertThat(ZhenshiTcpProtocol.serialSend(0, gateFrame)).isEqualTo("{\"cmd\":\"ttransmission\",\"subcmd\":"
                + "\"send\",\"datalen\":14,\"data\":\"AGT//w8GAAEAAAABaOE=\",\"comm\":\"rs485-1\"}");
    }

    @Test
    void liveResultDecodesWithPicturesAndCameraTime() throws IOException {
        VzFrame f = VzFrame.json(trimmed("ivs_result_live.json"));
        PlateEvent e = ((ZhenshiTcpProtocol.Result) ZhenshiTcpProtocol.decode(f, "CAM-1", "10.0.0.5", NOW)).event();
        assertThat(e.plate()).isEqualTo("京A12345");
        assertThat(e.serialNo()).isEqualTo("CAM-1");
        assertThat(e.colorCode()).isEqualTo(1);
        assertThat(e.confidence()).isEqualTo(97);
        assertThat(e.plateId()).isEqualTo(4711);
        assertThat(e.offline()).isFalse();
        assertThat(e.readAt()).isEqualTo(NOW);
        assertThat(e.cameraTime()).isEqualTo(Instant.parse("2025-11-25T00:00:00.250Z"));
        assertThat(e.fullImage()).containsExactly(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0xFF, 0xD9);
        assertThat(e.plateImage()).containsExactly(0xFF, 0xD8, 0xFF, 0xD9);
    }

    @Test
    void noPlateFormIsANoPlateRead() throws IOException {
        PlateEvent e = ((ZhenshiTcpProtocol.Result) ZhenshiTcpProtocol.decode(
                VzFrame.json(trimmed("ivs_result_noplate.json")), "CAM-1", "10.0.0.5", NOW)).event();
        assertThat(e.noPlate()).isTrue();
        assertThat(e.plate()).isEqualTo("_无_");
        assertThat(e.fullImage()).isEmpty();
    }

    @Test
    void offlineRecordWithBinaryPicturesAfterTheNul() throws IOException {
        byte[] text = trimmed("ivs_result_offline_binary.json").getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[text.length + 1 + 6];
        System.arraycopy(text, 0, payload, 0, text.length);
        byte[] pics = {(byte) 0xFF, (byte) 0xD8, 1, 2, (byte) 0xAA, (byte) 0xBB};
        System.arraycopy(pics, 0, payload, text.length + 1, 6);
        PlateEvent e = ((ZhenshiTcpProtocol.Result) ZhenshiTcpProtocol.decode(new VzFrame(0, payload), "CAM-1",
                "10.0.0.5", NOW)).event();
        assertThat(e.offline()).isTrue();
        assertThat(e.readAt()).isEqualTo(Instant.ofEpochSecond(1764000000));
        assertThat(e.fullImage()).containsExactly(0xFF, 0xD8, 1, 2);
        assertThat(e.plateImage()).containsExactly(0xAA, 0xBB);
        assertThat(e.colorCode()).isEqualTo(5);
    }

    @Test
    void picturesLongerThanTheFrameAreRefused() throws IOException {
        byte[] text = trimmed("ivs_result_offline_binary.json").getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[text.length + 1 + 3];
        System.arraycopy(text, 0, payload, 0, text.length);
        assertThatThrownBy(() -> ZhenshiTcpProtocol.decode(new VzFrame(0, payload), "C", "p", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceed");
    }

    @Test
    void readerReassemblesSplitFramesAndRefusesGarbageAndOversize() {
        byte[] a = VzFrame.json("{\"cmd\":\"x\"}").encode();
        byte[] b = VzFrame.keepAlive().encode();
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        VzFrame.Reader r = new VzFrame.Reader(1024);
        assertThat(r.feed(both, 0, 5)).isEmpty();
        List<VzFrame> frames = r.feed(both, 5, both.length - 5);
        assertThat(frames).extracting(VzFrame::type).containsExactly(0, 1);
        assertThat(frames.get(0).jsonText()).isEqualTo("{\"cmd\":\"x\"}");
        assertThat(r.buffered()).isZero();
        assertThatThrownBy(() -> new VzFrame.Reader(1024).feed("GET / HTTP/1.1\r\n".getBytes(), 0, 16))
                .hasMessageContaining("not a VZ frame");
        byte[] huge = {'V', 'Z', 0, 0, 0x7F, 0, 0, 0};
        assertThatThrownBy(() -> new VzFrame.Reader(1024).feed(huge, 0, 8)).hasMessageContaining("exceeds");
    }

    @Test
    void whiteListRecordCarriesValidityAndCutComment() {
        String json = ZhenshiTcpProtocol.whiteListAdd(new WhiteListPlate("京A12345",
                LocalDateTime.of(2026, 11, 1, 0, 0), LocalDateTime.of(2026, 11, 30, 23, 59, 59), "monthly 张三"),
                LocalDateTime.of(2026, 11, 25, 8, 0));
        assertThat(json).isEqualTo("{\"cmd\":\"white_list_operator\",\"operator_type\":\"update_or_add\","
                + "\"dldb_rec\":{\"create_time\":\"2026-11-25 08:00:00\",\"enable_time\":\"2026-11-01 00:00:00\","
                + "\"overdue_time\":\"2026-11-30 23:59:59\",\"enable\":1,\"plate\":\"京A12345\",\"time_seg_enable\":0,"
                + "\"seg_time\":\"\",\"need_alarm\":0,\"vehicle_code\":\"\",\"vehicle_comment\":\"monthly 张三\","
                + "\"customer_id\":0}}");
    }
}
