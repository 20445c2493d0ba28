package com.boothdesk.devices.card;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The typed commands of the 00 64 FF FF card family that BoothDesk sends, each able to produce its DATA field and to be
 * parsed back from a frame (the simulator does that). Layouts follow the card maker's protocol document
 * ("显示屏通信协议" v1.08 / v2.x, see parking-booth.md §4.4).
 */
public sealed interface CardCommand {
    int CONNECT = 0x00;
    int SYNC_TIME = 0x05;
    int BRIGHTNESS = 0x0C;
    int VOLUME = 0x0D;
    int RELAY = 0x0F;
    int PLAY_VOICE = 0x30;
    int STOP_VOICE = 0x31;
    int TEMP_TEXT = 0x62;
    int MULTI_LINE = 0x6E;
    int MULTI_LINE_V2 = 0x6F;
    int QR_PAYMENT = 0xE1;
    int REMAINING_SPACES = 0xE3;
    /** 0xE5: the QR-code payment screen drawn from a monochrome bitmap (a V2 command: two length bytes always). */
    int QR_BITMAP = 0xE5;

    /** The CMD byte. */
    int code();

    /** The DATA field. */
    byte[] payload();

    default CardFrame toFrame(int address) {
        return new CardFrame(address, code(), payload());
    }

    /** Parses the DATA of a request frame into its command. */
    static CardCommand parse(CardFrame frame) throws CardFormatException {
        byte[] d = frame.data();
        switch (frame.command()) {
            case CONNECT:
                return Connect.parse(d);
            case SYNC_TIME:
                return SyncTime.parse(d);
            case BRIGHTNESS:
                expectLength(frame, 1);
                return new Brightness(d[0] & 0xFF);
            case VOLUME:
                expectLength(frame, 1);
                return new Volume(d[0] & 0xFF);
            case RELAY:
                expectLength(frame, 6);
                return new Relay(d[0] & 0xFF, d[1] & 0xFF, d[5] & 0xFF);
            case PLAY_VOICE:
                if (d.length < 1) {
                    throw new CardFormatException("0x30 without option byte");
                }
                return new PlayVoice(d[0] & 0xFF, Gbk.decode(d, 1, d.length - 1));
            case STOP_VOICE:
                expectLength(frame, 0);
                return new StopVoice();
            case TEMP_TEXT:
                return TempText.parse(d);
            case MULTI_LINE:
                return MultiLine.parse(d);
            case MULTI_LINE_V2:
                return MultiLineV2.parse(d);
            case QR_PAYMENT:
                return QrPayment.parse(d);
            case QR_BITMAP:
                return QrBitmap.parse(d);
            case REMAINING_SPACES:
                expectLength(frame, 9);
                return new RemainingSpaces((d[0] & 0xFF) == 1, d[3] & 0xFF, readU32(d, 5));
            default:
                throw new CardFormatException(String.format("unsupported command 0x%02X", frame.command()));
        }
    }

    private static void expectLength(CardFrame f, int n) throws CardFormatException {
        if (f.dataLength() != n) {
            throw new CardFormatException(String.format("command 0x%02X wants %d data bytes, got %d", f.command(), n,
                    f.dataLength()));
        }
    }

    private static void writeU32(ByteArrayOutputStream out, long v) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (v >>> (8 * i)));
        }
    }

    private static long readU32(byte[] d, int off) {
        long v = 0;
        for (int i = 3; i >= 0; i--) {
            v = (v << 8) | (d[off + i] & 0xFF);
        }
        return v;
    }

    private static void writeRgba(ByteArrayOutputStream out, int rgb) {
        out.write(rgb >>> 16);
        out.write(rgb >>> 8);
        out.write(rgb);
        out.write(0);
    }

    private static int readRgb(byte[] d, int off) {
        return (d[off] & 0xFF) << 16 | (d[off + 1] & 0xFF) << 8 | (d[off + 2] & 0xFF);
    }

    private static void checkRange(String what, long v, long min, long max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " out of range " + min + ".." + max + ": " + v);
        }
    }

    /** 0x00: connect with the card password (6..32 ASCII characters); the card answers with its versions. */
    record Connect(String password) implements CardCommand {
        public Connect {
            Objects.requireNonNull(password, "password");
            checkRange("password length", password.length(), 6, 32);
        }

        @Override
        public int code() {
            return CONNECT;
        }

        @Override
        public byte[] payload() {
            return password.getBytes(StandardCharsets.US_ASCII);
        }

        static Connect parse(byte[] d) throws CardFormatException {
            if (d.length < 6 || d.length > 32) {
                throw new CardFormatException("0x00 password must be 6..32 bytes, got " + d.length);
            }
            return new Connect(new String(d, StandardCharsets.US_ASCII));
        }
    }

    /**
     * 0x05: set the card clock. Weekday byte: 1 = Sunday, 2..7 = Monday..Saturday, as the protocol text says (its own
     * example frame disagrees and sends 7 for a Thursday; the text is followed here).
     */
    record SyncTime(LocalDateTime time) implements CardCommand {
        public SyncTime {
            Objects.requireNonNull(time, "time");
            checkRange("year", time.getYear(), 1970, 2099);
        }

        @Override
        public int code() {
            return SYNC_TIME;
        }

        @Override
        public byte[] payload() {
            int y = time.getYear();
            int w = time.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : time.getDayOfWeek().getValue() + 1;
            return new byte[] {(byte) y, (byte) (y >>> 8), (byte) time.getMonthValue(), (byte) time.getDayOfMonth(),
                    (byte) w, (byte) time.getHour(), (byte) time.getMinute(), (byte) time.getSecond()};
        }

        static SyncTime parse(byte[] d) throws CardFormatException {
            if (d.length != 8) {
                throw new CardFormatException("0x05 wants 8 data bytes, got " + d.length);
            }
            try {
                return new SyncTime(LocalDateTime.of((d[0] & 0xFF) | (d[1] & 0xFF) << 8, d[2], d[3], d[5], d[6],
                        d[7]));
            } catch (DateTimeException | IllegalArgumentException e) {
                throw new CardFormatException("0x05 carries an invalid time: " + e.getMessage());
            }
        }
    }

    /** 0x0C: display brightness in percent, 10..100. */
    record Brightness(int percent) implements CardCommand {
        public Brightness {
            checkRange("brightness", percent, 0, 100);
        }

        @Override
        public int code() {
            return BRIGHTNESS;
        }

        @Override
        public byte[] payload() {
            return new byte[] {(byte) percent};
        }
    }

    /** 0x0D: voice volume. The v2 protocol text speaks of 10..100 %; older cards take levels 0..10. */
    record Volume(int level) implements CardCommand {
        public Volume {
            checkRange("volume", level, 0, 100);
        }

        @Override
        public int code() {
            return VOLUME;
        }

        @Override
        public byte[] payload() {
            return new byte[] {(byte) level};
        }
    }

    /**
     * 0x0F: switch a relay. Channel 0 = traffic light, 1 = gate open, 2 = gate close, 0xFE = light and open together.
     * {@code seconds} is how long the relay stays on: 0 switches it off at once, 255 keeps it on.
     */
    record Relay(int channel, int option, int seconds) implements CardCommand {
        public static final int CH_LIGHT = 0x00;
        public static final int CH_OPEN = 0x01;
        public static final int CH_CLOSE = 0x02;
        public static final int CH_LIGHT_AND_OPEN = 0xFE;
        public static final int HOLD = 0xFF;

        public Relay {
            TextStyle.checkByte("channel", channel);
            TextStyle.checkByte("option", option);
            TextStyle.checkByte("seconds", seconds);
        }

        @Override
        public int code() {
            return RELAY;
        }

        @Override
        public byte[] payload() {
            return new byte[] {(byte) channel, (byte) option, 0, 0, 0, (byte) seconds};
        }
    }

    /** 0x30: speak a GBK text; option 0 = queue only, 1 = queue and play, 2 = clear queue and play. */
    record PlayVoice(int option, String text) implements CardCommand {
        public static final int QUEUE = 0;
        public static final int PLAY = 1;
        public static final int REPLACE = 2;
        public static final int MAX_TEXT_BYTES = 254;

        public PlayVoice {
            checkRange("voice option", option, 0, 2);
            Objects.requireNonNull(text, "text");
        }

        @Override
        public int code() {
            return PLAY_VOICE;
        }

        @Override
        public byte[] payload() {
            byte[] t = Gbk.encode(text, MAX_TEXT_BYTES);
            byte[] d = new byte[t.length + 1];
            d[0] = (byte) option;
            System.arraycopy(t, 0, d, 1, t.length);
            return d;
        }
    }

    /** 0x31: stop speaking and clear the voice queue. */
    record StopVoice() implements CardCommand {
        @Override
        public int code() {
            return STOP_VOICE;
        }

        @Override
        public byte[] payload() {
            return new byte[0];
        }
    }

    /** 0x62: temporary (not saved) text on one line; {@code line} is the window id, 0 = top line. */
    record TempText(int line, TextStyle style, String text) implements CardCommand {
        public static final int MAX_TEXT_BYTES = 255 - 19;

        public TempText {
            TextStyle.checkByte("line", line);
            Objects.requireNonNull(style, "style");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public int code() {
            return TEMP_TEXT;
        }

        @Override
        public byte[] payload() {
            byte[] t = Gbk.encode(text, MAX_TEXT_BYTES);
            ByteArrayOutputStream out = new ByteArrayOutputStream(19 + t.length);
            out.write(line);
            out.write(style.enterMode());
            out.write(style.enterSpeed());
            out.write(0); // stay mode, reserved
            out.write(style.staySeconds());
            out.write(style.exitMode());
            out.write(style.exitSpeed());
            out.write(style.font());
            out.write(style.repeat());
            writeRgba(out, style.color());
            writeRgba(out, style.background());
            out.write(t.length);
            out.write(t.length >>> 8);
            out.writeBytes(t);
            return out.toByteArray();
        }

        static TempText parse(byte[] d) throws CardFormatException {
            if (d.length < 19) {
                throw new CardFormatException("0x62 needs at least 19 data bytes, got " + d.length);
            }
            int tl = (d[17] & 0xFF) | (d[18] & 0xFF) << 8;
            if (19 + tl != d.length) {
                throw new CardFormatException("0x62 text length " + tl + " does not match DL " + d.length);
            }
            TextStyle style = new TextStyle(d[1] & 0xFF, d[2] & 0xFF, d[4] & 0xFF, d[5] & 0xFF, d[6] & 0xFF,
                    d[7] & 0xFF, d[8] & 0xFF, readRgb(d, 9), readRgb(d, 13));
            return new TempText(d[0] & 0xFF, style, Gbk.decode(d, 19, tl));
        }
    }

    /** Shared encoder/parser of the line list of 0x6E (without font and flags) and 0x6F (with them). */
    final class Lines {
        static final int VOICE_FLAG = 0x0A;
        static final int MAX_LINES = 4;
        static final int MAX_VOICE_BYTES = 64;

        private Lines() {
        }

        static void write(ByteArrayOutputStream out, List<TextLine> lines, String voice, boolean v2) {
            for (int i = 0; i < lines.size(); i++) {
                TextLine l = lines.get(i);
                byte[] t = Gbk.encode(l.text(), TextLine.MAX_TEXT_BYTES);
                out.write(l.line());
                out.write(l.mode());
                out.write(l.speed());
                out.write(l.staySeconds());
                out.write(l.repeat());
                if (v2) {
                    out.write(l.font());
                    out.write(0); // flags, reserved
                }
                writeRgba(out, l.color());
                out.write(t.length);
                out.writeBytes(t);
                out.write(i == lines.size() - 1 ? 0x00 : 0x0D);
            }
            byte[] v = Gbk.encode(voice, MAX_VOICE_BYTES);
            out.write(VOICE_FLAG);
            out.write(v.length);
            out.writeBytes(v);
            out.write(0x00);
        }

        static List<TextLine> read(byte[] d, int[] pos, int count, boolean v2) throws CardFormatException {
            List<TextLine> lines = new ArrayList<>(count);
            int head = v2 ? 12 : 10;
            for (int i = 0; i < count; i++) {
                int p = pos[0];
                if (p + head > d.length) {
                    throw new CardFormatException("line " + i + " header runs past the data");
                }
                int tl = d[p + head - 1] & 0xFF;
                int end = p + head + tl;
                if (end >= d.length) {
                    throw new CardFormatException("line " + i + " text runs past the data");
                }
                int sep = d[end] & 0xFF;
                boolean last = i == count - 1;
                if (sep != (last ? 0x00 : 0x0D)) {
                    throw new CardFormatException("line " + i + " not terminated by " + (last ? "0x00" : "0x0D"));
                }
                int font = v2 ? d[p + 5] & 0xFF : 3;
                int colorAt = v2 ? p + 7 : p + 5;
                lines.add(new TextLine(d[p] & 0xFF, d[p + 1] & 0xFF, d[p + 2] & 0xFF, d[p + 3] & 0xFF,
                        d[p + 4] & 0xFF, font, readRgb(d, colorAt), Gbk.decode(d, p + head, tl)));
                pos[0] = end + 1;
            }
            return lines;
        }

        static String readVoice(byte[] d, int p) throws CardFormatException {
            if (p >= d.length) {
                return "";
            }
            if ((d[p] & 0xFF) != VOICE_FLAG || p + 1 >= d.length) {
                throw new CardFormatException("voice part does not start with 0x0A");
            }
            int vl = d[p + 1] & 0xFF;
            if (p + 2 + vl > d.length) {
                throw new CardFormatException("voice text runs past the data");
            }
            return Gbk.decode(d, p + 2, vl);
        }

        static List<TextLine> limit(List<TextLine> lines) {
            Objects.requireNonNull(lines, "lines");
            if (lines.isEmpty() || lines.size() > MAX_LINES) {
                throw new IllegalArgumentException("a multi-line frame carries 1.." + MAX_LINES + " lines, got "
                        + lines.size());
            }
            return List.copyOf(lines);
        }
    }

    /** 0x6E: up to four lines plus a voice text in one frame (v1 cards; replaced by 0x6F on v2 cards). */
    record MultiLine(boolean save, List<TextLine> lines, String voice) implements CardCommand {
        public MultiLine {
            lines = Lines.limit(lines);
            Objects.requireNonNull(voice, "voice");
        }

        @Override
        public int code() {
            return MULTI_LINE;
        }

        @Override
        public byte[] payload() {
            ByteArrayOutputStream out = new ByteArrayOutputStream(128);
            out.write(save ? 1 : 0);
            out.write(lines.size());
            Lines.write(out, lines, voice, false);
            return out.toByteArray();
        }

        static MultiLine parse(byte[] d) throws CardFormatException {
            if (d.length < 2) {
                throw new CardFormatException("0x6E too short");
            }
            int n = d[1] & 0xFF;
            if (n < 1 || n > Lines.MAX_LINES) {
                throw new CardFormatException("0x6E line count " + n);
            }
            int[] pos = {2};
            List<TextLine> lines = Lines.read(d, pos, n, false);
            return new MultiLine(d[0] == 1, lines, Lines.readVoice(d, pos[0]));
        }
    }

    /** 0x6F: like 0x6E with a font per line and a screen time (v2 cards). */
    record MultiLineV2(boolean save, int screenSeconds, List<TextLine> lines, String voice) implements CardCommand {
        public MultiLineV2 {
            TextStyle.checkByte("screenSeconds", screenSeconds);
            lines = Lines.limit(lines);
            Objects.requireNonNull(voice, "voice");
        }

        @Override
        public int code() {
            return MULTI_LINE_V2;
        }

        @Override
        public byte[] payload() {
            ByteArrayOutputStream out = new ByteArrayOutputStream(128);
            out.write(save ? 1 : 0);
            out.write(screenSeconds);
            out.write(lines.size());
            Lines.write(out, lines, voice, true);
            return out.toByteArray();
        }

        static MultiLineV2 parse(byte[] d) throws CardFormatException {
            if (d.length < 3) {
                throw new CardFormatException("0x6F too short");
            }
            int n = d[2] & 0xFF;
            if (n < 1 || n > Lines.MAX_LINES) {
                throw new CardFormatException("0x6F line count " + n);
            }
            int[] pos = {3};
            List<TextLine> lines = Lines.read(d, pos, n, true);
            return new MultiLineV2(d[0] == 1, d[1] & 0xFF, lines, Lines.readVoice(d, pos[0]));
        }
    }

    /**
     * 0xE1: QR-code payment screen. {@code amountFen} is sent in the card's unit of 0.1 yuan (rounded down); the card
     * firmware documented so far does not show time or amount, only the text.
     */
    record QrPayment(boolean show, int screenSeconds, long parkedSeconds, long amountFen, String qrContent,
                     String text, boolean speak, boolean smallQr) implements CardCommand {
        static final int HEADER = 32;

        public QrPayment {
            TextStyle.checkByte("screenSeconds", screenSeconds);
            checkRange("parkedSeconds", parkedSeconds, 0, 0xFFFF_FFFFL);
            checkRange("amountFen", amountFen, 0, 0xFFFF_FFFFL * 10);
            Objects.requireNonNull(qrContent, "qrContent");
            Objects.requireNonNull(text, "text");
            int qrBytes = Gbk.encode(qrContent).length;
            if (qrBytes == 0 || HEADER + qrBytes + 2 > 255) {
                throw new IllegalArgumentException("QR content must be 1.." + (255 - HEADER - 2) + " bytes, got "
                        + qrBytes);
            }
        }

        @Override
        public int code() {
            return QR_PAYMENT;
        }

        @Override
        public byte[] payload() {
            byte[] qr = Gbk.encode(qrContent);
            byte[] t = Gbk.encode(text, 255 - HEADER - qr.length - 2);
            ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER + qr.length + t.length + 2);
            out.write(show ? 1 : 0);
            out.write(0); // enter mode, reserved
            out.write(0); // exit mode, reserved
            out.write(screenSeconds);
            out.write(0); // next screen, reserved
            writeU32(out, parkedSeconds);
            writeU32(out, amountFen / 10);
            out.write(qr.length);
            out.write(t.length);
            out.write((t.length > 0 ? 0x80 : 0) | (speak ? 0x01 : 0));
            out.write(smallQr ? 1 : 0);
            out.writeBytes(new byte[15]);
            out.writeBytes(qr);
            out.write(0);
            out.writeBytes(t);
            out.write(0);
            return out.toByteArray();
        }

        static QrPayment parse(byte[] d) throws CardFormatException {
            if (d.length < HEADER + 2) {
                throw new CardFormatException("0xE1 too short: " + d.length);
            }
            int ml = d[13] & 0xFF;
            int tl = d[14] & 0xFF;
            if (HEADER + ml + 1 + tl + 1 != d.length || ml == 0) {
                throw new CardFormatException("0xE1 lengths ML=" + ml + " TL=" + tl + " do not match DL " + d.length);
            }
            return new QrPayment(d[0] == 1, d[3] & 0xFF, readU32(d, 5), readU32(d, 9) * 10,
                    Gbk.decode(d, HEADER, ml), Gbk.decode(d, HEADER + ml + 1, tl), (d[15] & 0x01) != 0, d[16] == 1);
        }
    }

    /** 0xE3: remaining-spaces screen; {@code screenSeconds} 0 = keep showing. */
    record RemainingSpaces(boolean show, int screenSeconds, long spaces) implements CardCommand {
        public RemainingSpaces {
            TextStyle.checkByte("screenSeconds", screenSeconds);
            checkRange("spaces", spaces, 0, 0xFFFF_FFFFL);
        }

        @Override
        public int code() {
            return REMAINING_SPACES;
        }

        @Override
        public byte[] payload() {
            ByteArrayOutputStream out = new ByteArrayOutputStream(9);
            out.write(show ? 1 : 0);
            out.write(0);
            out.write(0);
            out.write(screenSeconds);
            out.write(0);
            writeU32(out, spaces);
            return out.toByteArray();
        }
    }

    /**
     * 0xE5 (V2 command set): the QR-code payment screen drawn by the host, {@code SF EM ETM ST NI VEN TL TEXT[TL]
     * BMPDATA}. BMPDATA is a whole 1-bit BMP file of the QR modules (top-down rows, palette white then black, a set bit
     * is a dark module); the card takes only version 3 (29x29, two-line screens) and version 7 (45x45, four-line
     * screens). VEN is written as the card maker's own example writes it: 0x81 to speak the text, 0x00 not to.
     */
    record QrBitmap(boolean show, int screenSeconds, boolean speak, String text, boolean[][] modules)
            implements CardCommand {
        /** Module counts the card can draw. */
        public static final int SMALL = 29;
        public static final int LARGE = 45;
        static final int BMP_HEADER = 62;

        public QrBitmap {
            TextStyle.checkByte("screenSeconds", screenSeconds);
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(modules, "modules");
            int n = modules.length;
            if (n != SMALL && n != LARGE) {
                throw new IllegalArgumentException("0xE5 draws 29x29 or 45x45 QR codes, not " + n + "x" + n);
            }
            boolean[][] copy = new boolean[n][];
            for (int y = 0; y < n; y++) {
                if (modules[y].length != n) {
                    throw new IllegalArgumentException("QR row " + y + " has " + modules[y].length + " modules, not "
                            + n);
                }
                copy[y] = modules[y].clone();
            }
            modules = copy;
            if (Gbk.encode(text).length > 255) {
                throw new IllegalArgumentException("0xE5 text longer than 255 bytes");
            }
        }

        @Override
        public boolean[][] modules() {
            boolean[][] copy = new boolean[modules.length][];
            for (int y = 0; y < modules.length; y++) {
                copy[y] = modules[y].clone();
            }
            return copy;
        }

        @Override
        public int code() {
            return QR_BITMAP;
        }

        /** Always a V2 frame (two length bytes), whatever its length. */
        @Override
        public CardFrame toFrame(int address) {
            return new CardFrame(address, code(), payload(), true);
        }

        @Override
        public byte[] payload() {
            byte[] t = Gbk.encode(text);
            byte[] bmp = bmp(modules);
            ByteArrayOutputStream out = new ByteArrayOutputStream(7 + t.length + bmp.length);
            out.write(show ? 1 : 0);
            out.write(0); // enter mode, reserved
            out.write(0); // exit mode, reserved
            out.write(screenSeconds);
            out.write(0); // next screen, reserved
            out.write(speak ? 0x81 : 0x00);
            out.write(t.length);
            out.writeBytes(t);
            out.writeBytes(bmp);
            return out.toByteArray();
        }

        /** The 1-bit BMP file of the modules: 62 bytes of headers and palette, rows padded to 4 bytes. */
        static byte[] bmp(boolean[][] m) {
            int n = m.length;
            int rowBytes = ((n + 31) / 32) * 4;
            int size = BMP_HEADER + rowBytes * n;
            ByteArrayOutputStream out = new ByteArrayOutputStream(size);
            out.write('B');
            out.write('M');
            writeU32(out, size);
            writeU32(out, 0); // reserved
            writeU32(out, BMP_HEADER); // pixel data offset
            writeU32(out, 40); // BITMAPINFOHEADER
            writeU32(out, n); // width
            writeU32(out, -n & 0xFFFF_FFFFL); // negative height: rows top-down
            out.write(1);
            out.write(0); // planes
            out.write(1);
            out.write(0); // bits per pixel
            out.writeBytes(new byte[24]); // BI_RGB, image size 0, resolution, colours used/important
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0}); // index 0: white
            out.writeBytes(new byte[] {0, 0, 0, 0}); // index 1: black (a dark module)
            for (boolean[] row : m) {
                byte[] r = new byte[rowBytes];
                for (int x = 0; x < n; x++) {
                    if (row[x]) {
                        r[x / 8] |= (byte) (0x80 >>> (x % 8));
                    }
                }
                out.writeBytes(r);
            }
            return out.toByteArray();
        }

        static QrBitmap parse(byte[] d) throws CardFormatException {
            if (d.length < 7) {
                throw new CardFormatException("0xE5 too short: " + d.length);
            }
            int tl = d[6] & 0xFF;
            int bmpAt = 7 + tl;
            if (d.length < bmpAt + BMP_HEADER || d[bmpAt] != 'B' || d[bmpAt + 1] != 'M') {
                throw new CardFormatException("0xE5 without a BMP after its " + tl + " text bytes");
            }
            int n = (int) readU32(d, bmpAt + 18);
            int rowBytes = ((n + 31) / 32) * 4;
            if ((n != SMALL && n != LARGE) || d.length != bmpAt + BMP_HEADER + rowBytes * n
                    || readU32(d, bmpAt + 2) != BMP_HEADER + (long) rowBytes * n) {
                throw new CardFormatException("0xE5 bitmap of width " + n + " does not match DL " + d.length);
            }
            boolean[][] m = new boolean[n][n];
            for (int y = 0; y < n; y++) {
                int off = bmpAt + BMP_HEADER + y * rowBytes;
                for (int x = 0; x < n; x++) {
                    m[y][x] = (d[off + x / 8] & (0x80 >>> (x % 8))) != 0;
                }
            }
            return new QrBitmap(d[0] == 1, d[3] & 0xFF, (d[5] & 0x01) != 0, Gbk.decode(d, 7, tl), m);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof QrBitmap q && q.show == show && q.screenSeconds == screenSeconds && q.speak == speak
                    && q.text.equals(text) && java.util.Arrays.deepEquals(q.modules, modules);
        }

        @Override
        public int hashCode() {
            return Objects.hash(show, screenSeconds, speak, text, java.util.Arrays.deepHashCode(modules));
        }

        @Override
        public String toString() {
            return "QrBitmap[" + modules.length + "x" + modules.length + ", text=" + text + ", speak=" + speak + "]";
        }
    }
}
