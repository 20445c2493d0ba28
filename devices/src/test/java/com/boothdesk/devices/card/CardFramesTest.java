package com.boothdesk.devices.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.boothdesk.devices.util.Hex;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Byte-exact frames against the examples of the card maker's protocol document and parking-booth.md §4.4. */
class CardFramesTest {

    private static String hex(CardFrame f) {
        return Hex.format(f.encode());
    }

    @Test
    void crcMatchesTheThreeCheckedExamplesOfTheNotes() {
        assertThat(crcOf("00 64 FF FF 00 06 31 35 39 37 35 33")).isEqualTo("FB 06");
        assertThat(crcOf("00 64 FF FF 0D 01 0A")).isEqualTo("27 70");
        assertThat(hex(CardFrames.playVoice(0, "欢迎光临,请入场停车")))
                .isEqualTo("00 64 FF FF 30 14 01 BB B6 D3 AD B9 E2 C1 D9 2C C7 EB C8 EB B3 A1 CD A3 B3 B5 A9 36");
    }

    private static String crcOf(String hex) {
        byte[] b = Hex.parse(hex);
        int crc = Crc16Modbus.compute(b, 0, b.length);
        return Hex.format(new byte[] {(byte) crc, (byte) (crc >>> 8)});
    }

    @Test
    void crcStandardCheckValue() {
        byte[] b = "123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(Crc16Modbus.compute(b, 0, b.length)).isEqualTo(0x4B37);
    }

    @Test
    void connect() {
        assertThat(hex(CardFrames.connect(0, "159753"))).isEqualTo("00 64 FF FF 00 06 31 35 39 37 35 33 FB 06");
    }

    @Test
    void volumeAndBrightness() {
        assertThat(hex(CardFrames.volume(0, 10))).isEqualTo("00 64 FF FF 0D 01 0A 27 70");
        assertThat(hex(CardFrames.volume(0, 50))).isEqualTo("00 64 FF FF 0D 01 32 26 A2");
        assertThat(hex(CardFrames.brightness(0, 50))).isEqualTo("00 64 FF FF 0C 01 32 77 62");
    }

    @Test
    void relayFiveSecondsOnChannelZeroMatchesDocumentExample() {
        CardFrame f = new CardCommand.Relay(0, 1, 5).toFrame(0);
        assertThat(hex(f)).isEqualTo("00 64 FF FF 0F 06 00 01 00 00 00 05 24 B7");
    }

    @Test
    void gateFramesUseTheOpenAndCloseChannels() {
        assertThat(Hex.format(CardFrames.openGate(0).data())).isEqualTo("01 01 00 00 00 01");
        assertThat(Hex.format(CardFrames.closeGate(0).data())).isEqualTo("02 01 00 00 00 01");
        assertThat(Hex.format(CardFrames.keepGateOpen(0).data())).isEqualTo("01 01 00 00 00 FF");
        assertThat(Hex.format(CardFrames.releaseGate(3).data())).isEqualTo("01 01 00 00 00 00");
        assertThat(CardFrames.releaseGate(3).address()).isEqualTo(3);
    }

    @Test
    void voiceQueueOnlyAndStopVoice() {
        assertThat(hex(CardFrames.playVoice(0, 0, "欢迎光临,请入场停车")))
                .isEqualTo("00 64 FF FF 30 14 00 BB B6 D3 AD B9 E2 C1 D9 2C C7 EB C8 EB B3 A1 CD A3 B3 B5 94 E7");
        assertThat(hex(CardFrames.playVoice(0, "请交费10元"))).isEqualTo("00 64 FF FF 30 0B 01 C7 EB BD BB B7 D1 31 30 D4 AA 43 1E");
        assertThat(hex(CardFrames.stopVoice(0))).isEqualTo("00 64 FF FF 31 00 64 67");
    }

    @Test
    void tempTextMatchesV2DocumentExample() {
        assertThat(hex(CardFrames.showText(0, 0, "欢迎光临")))
                .isEqualTo("00 64 FF FF 62 1B 00 00 01 00 05 00 01 03 00 FF 00 00 00 00 00 00 00 08 00 "
                        + "BB B6 D3 AD B9 E2 C1 D9 58 96");
    }

    @Test
    void tempTextMatchesV108DocumentExampleWithScrollingStyle() {
        TextStyle scroll = new TextStyle(0x15, 1, 2, 0x15, 1, 3, 0, TextStyle.RED, 0);
        assertThat(hex(CardFrames.showText(0, 0, "欢迎光临请入场停车", scroll)))
                .isEqualTo("00 64 FF FF 62 25 00 15 01 00 02 15 01 03 00 FF 00 00 00 00 00 00 00 12 00 "
                        + "BB B6 D3 AD B9 E2 C1 D9 C7 EB C8 EB B3 A1 CD A3 B3 B5 F4 F5");
    }

    @Test
    void multiLineV2MatchesDocumentExample() {
        List<TextLine> lines = List.of(
                new TextLine(0, 0x15, 1, 5, 0, 3, TextStyle.RED, "第一行"),
                new TextLine(1, 0x01, 1, 5, 0, 3, TextStyle.GREEN, "第二行"),
                new TextLine(2, 0x01, 1, 5, 0, 3, TextStyle.RED, "第三行"),
                new TextLine(3, 0x01, 1, 5, 0, 3, TextStyle.GREEN, "欢迎光临"));
        CardFrame f = new CardCommand.MultiLineV2(false, 0, lines, "欢迎光临").toFrame(0);
        assertThat(hex(f)).isEqualTo("00 64 FF FF 6F 5C 00 00 04 "
                + "00 15 01 05 00 03 00 FF 00 00 00 06 B5 DA D2 BB D0 D0 0D "
                + "01 01 01 05 00 03 00 00 FF 00 00 06 B5 DA B6 FE D0 D0 0D "
                + "02 01 01 05 00 03 00 FF 00 00 00 06 B5 DA C8 FD D0 D0 0D "
                + "03 01 01 05 00 03 00 00 FF 00 00 08 BB B6 D3 AD B9 E2 C1 D9 00 "
                + "0A 08 BB B6 D3 AD B9 E2 C1 D9 00 06 34");
    }

    @Test
    void multiLineV1Layout() {
        CardFrame f = CardFrames.showLinesAndSay(0, List.of("欢迎", "A1"), "欢迎");
        assertThat(Hex.format(f.data())).isEqualTo("00 02 "
                + "00 00 01 05 00 FF 00 00 00 04 BB B6 D3 AD 0D "
                + "01 00 01 05 00 00 FF 00 00 02 41 31 00 "
                + "0A 04 BB B6 D3 AD 00");
    }

    @Test
    void remainingSpacesMatchesDocumentExample() {
        CardFrame f = new CardCommand.RemainingSpaces(true, 5, 10).toFrame(0);
        assertThat(hex(f)).isEqualTo("00 64 FF FF E3 09 01 00 00 05 00 0A 00 00 00 A0 45");
        assertThat(Hex.format(CardFrames.remainingSpaces(0, 123).data())).isEqualTo("01 00 00 00 00 7B 00 00 00");
    }

    @Test
    void qrPaymentLayoutMatchesDocumentLengths() {
        CardFrame f = CardFrames.qrPayment(0, "请输入支付地址", "粤B123456,停车1小时30分,请交费10元", 1000, 5400, false);
        byte[] d = f.data();
        assertThat(d.length).isEqualTo(0x52);
        assertThat(d[13]).isEqualTo((byte) 0x0E);
        assertThat(d[14]).isEqualTo((byte) 0x22);
        assertThat(d[15]).isEqualTo((byte) 0x80);
        assertThat(Hex.format(d, 5, 8)).isEqualTo("18 15 00 00 64 00 00 00");
        assertThat(d[32 + 14]).isZero();
        assertThat(d[d.length - 1]).isZero();
    }

    @Test
    void syncTimeUsesSundayAsOne() {
        // 2016-03-10 was a Thursday: weekday byte 5 (the document's own example says 07, its text says 1=Sunday)
        CardFrame f = CardFrames.syncTime(0, LocalDateTime.of(2016, 3, 10, 15, 5, 6));
        assertThat(Hex.format(f.data())).isEqualTo("E0 07 03 0A 05 0F 05 06");
        assertThat(Hex.format(CardFrames.syncTime(0, LocalDateTime.of(2024, 6, 2, 0, 0, 0)).data()))
                .startsWith("E8 07 06 02 01");
        // the document's frame, weekday 07 included, has the CRC it shows: our CRC agrees with the card maker's
        CardFrame doc = new CardFrame(0, 0x05, Hex.parse("E0 07 03 0A 07 0F 05 06"));
        assertThat(hex(doc)).isEqualTo("00 64 FF FF 05 08 E0 07 03 0A 07 0F 05 06 65 68");
    }

    @Test
    void replyAckOfTempTextMatchesDocument() {
        assertThat(hex(CardFrames.showText(0, 0, "x").reply(0))).isEqualTo("00 64 FF FF 62 01 00 97 6A");
    }

    @Test
    void everyCommandParsesBackToItself() throws Exception {
        List<CardCommand> all = List.of(
                new CardCommand.Connect("159753"),
                new CardCommand.SyncTime(LocalDateTime.of(2025, 11, 25, 17, 30, 1)),
                new CardCommand.Brightness(80),
                new CardCommand.Volume(7),
                new CardCommand.Relay(1, 1, 1),
                new CardCommand.PlayVoice(2, "一路顺风"),
                new CardCommand.StopVoice(),
                new CardCommand.TempText(2, TextStyle.DEFAULT.withColor(TextStyle.GREEN), "京A12345"),
                new CardCommand.MultiLine(false, CardFrames.toTextLines(List.of("a", "b", "c")), "请交费12.5元"),
                new CardCommand.MultiLineV2(true, 10, CardFrames.toTextLines(List.of("月租车", "剩余30天")), ""),
                new CardCommand.QrPayment(true, 30, 3600, 1250, "https://pay.example/q?o=1", "请扫码", true, false),
                new CardCommand.RemainingSpaces(true, 0, 123));
        for (CardCommand c : all) {
            assertThat(CardCommand.parse(c.toFrame(7))).as(c.toString()).isEqualTo(c);
        }
    }

    @Test
    void longTextIsCutAtCharacterBoundaries() {
        String longText = "欢".repeat(200);
        CardFrame f = CardFrames.showText(0, 0, longText);
        assertThat(f.dataLength()).isLessThanOrEqualTo(255);
        assertThat(f.encode().length).isLessThanOrEqualTo(263);
        CardFrame v = CardFrames.showLinesAndSay(0, List.of(longText, "a", "b", "c", "dropped"), longText);
        assertThat(v.dataLength()).isLessThanOrEqualTo(255);
    }

    @Test
    void invalidArgumentsAreRejectedWithClearMessages() {
        assertThatThrownBy(() -> CardFrames.volume(0, 101)).hasMessageContaining("volume");
        assertThatThrownBy(() -> CardFrames.openGate(256)).hasMessageContaining("address");
        assertThatThrownBy(() -> CardFrames.qrPayment(0, "x".repeat(300), "", 0, 0, false))
                .hasMessageContaining("QR content");
    }

    @Test
    void unmappableCharactersBecomeQuestionMarks() {
        assertThat(Hex.format(CardFrames.playVoice(0, "A😀").data())).isEqualTo("01 41 3F");
    }
}
