package com.boothdesk.devices.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.boothdesk.devices.util.Hex;

/**
 * The two QR payment screens of the card (0xE1 the card renders the string, 0xE5 the host draws the bitmap), checked
 * byte for byte against the card maker's own examples ("显示屏通信协议", parking-booth.md §4.4).
 */
class QrScreenFramesTest {

    /**
     * The maker's 0xE1 example: QR "请输入支付地址", text "粤B123456,停车1小时30分,请交费10元", no voice. Every DATA byte is
     * the example's; its printed CRC (F0 74) cannot be reproduced from the printed bytes with any single reserved byte
     * changed (the copy of the reserved field is unreadable), so the CRC is checked with CRC-16/MODBUS, whose vectors
     * are in CardFramesTest.
     */
    @Test
    void e1MatchesTheMakersExampleByteForByte() {
        CardFrame f = new CardCommand.QrPayment(true, 0, 0, 0, "请输入支付地址", "粤B123456,停车1小时30分,请交费10元",
                false, false).toFrame(0);
        String expected = "00 64 FF FF E1 52 01 00 00 00 00 00 00 00 00 00 00 00 00 0E 22 80 00"
                + " 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"
                + " C7 EB CA E4 C8 EB D6 A7 B8 B6 B5 D8 D6 B7 00"
                + " D4 C1 42 31 32 33 34 35 36 2C CD A3 B3 B5 31 D0 A1 CA B1 33 30 B7 D6 2C C7 EB BD BB"
                + " B7 D1 31 30 D4 AA 00";
        byte[] b = f.encode();
        assertThat(Hex.format(Arrays.copyOf(b, b.length - 2))).isEqualToIgnoringWhitespace(expected.replace(" ", ""));
        int crc = Crc16Modbus.compute(b, 0, b.length - 2);
        assertThat(new int[] {b[b.length - 2] & 0xFF, b[b.length - 1] & 0xFF}).containsExactly(crc & 0xFF, crc >>> 8);
    }

    /**
     * The maker's 0xE5 example: a V2 frame (00 C8, DL DB 00), SF 01, ST 0A, VEN 81, the 34 text bytes, then a 178-byte
     * 1-bit BMP of a 29x29 QR (top-down, palette white then black). Everything up to the pixel rows is compared byte
     * for byte; the pixel rows are the QR of the example's string, which depends on the encoder's mask choice.
     */
    @Test
    void e5HeaderAndBitmapHeadersMatchTheMakersExample() {
        boolean[][] modules = new boolean[29][29];
        for (int i = 0; i < 7; i++) {
            modules[0][i] = true;
            modules[0][22 + i] = true;
        }
        CardFrame f = new CardCommand.QrBitmap(true, 10, true, "粤B123456,停车1小时30分,请交费10元", modules).toFrame(0);
        byte[] b = f.encode();
        String head = "00 C8 FF FF E5 DB 00 01 00 00 0A 00 81 22"
                + " D4 C1 42 31 32 33 34 35 36 2C CD A3 B3 B5 31 D0 A1 CA B1 33 30 B7 D6 2C C7 EB BD BB B7 D1 31 30 D4 AA"
                + " 42 4D B2 00 00 00 00 00 00 00 3E 00 00 00 28 00 00 00 1D 00 00 00 E3 FF FF FF 01 00 01 00"
                + " 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"
                + " FF FF FF 00 00 00 00 00";
        int headLen = head.split(" ").length;
        assertThat(Hex.format(Arrays.copyOf(b, headLen))).isEqualToIgnoringWhitespace(head.replace(" ", ""));
        // the first pixel row: the two finder patterns' top edges (7 dark, 15 light, 7 dark, 3 bits of padding)
        assertThat(Hex.format(Arrays.copyOfRange(b, headLen, headLen + 4))).isEqualToIgnoringWhitespace("FE0003F8");
        assertThat(b.length).isEqualTo(7 + 219 + 2);
    }

    @Test
    void e5ReplyIsAV2FrameAsInTheExample() {
        CardFrame f = new CardCommand.QrBitmap(true, 10, true, "x", new boolean[29][29]).toFrame(0);
        // the example's reply: 00 C8 FF FF E5 01 00 00 + CRC
        byte[] reply = f.reply(0).encode();
        assertThat(Hex.format(Arrays.copyOf(reply, 8))).isEqualToIgnoringWhitespace("00C8FFFFE5010000");
        assertThat(Crc16Modbus.compute(reply, 0, 8)).isEqualTo((reply[8] & 0xFF) | (reply[9] & 0xFF) << 8);
    }

    @Test
    void e5ParsesBackFromTheDecodedFrame() throws Exception {
        boolean[][] modules = new boolean[45][45];
        for (int y = 0; y < 45; y++) {
            modules[y][(y * 7) % 45] = true;
            modules[y][44 - y] = true;
        }
        CardCommand.QrBitmap sent = new CardCommand.QrBitmap(true, 0, false, "请扫码缴费 12.50元", modules);
        CardFrameDecoder decoder = new CardFrameDecoder();
        var frames = decoder.feed(sent.toFrame(3).encode());
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).versionTwo()).isTrue();
        assertThat(CardCommand.parse(frames.get(0))).isEqualTo(sent);
    }

    @Test
    void e5RefusesSizesTheCardCannotDraw() {
        assertThatThrownBy(() -> new CardCommand.QrBitmap(true, 0, false, "", new boolean[33][33]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("29x29 or 45x45");
    }
}
