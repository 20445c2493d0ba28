package com.boothdesk.devices.card;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Ready-made frames for every command BoothDesk sends to a lane card. The card address is the first argument; cards
 * leave the factory at 0x00. Text is GBK; text longer than a command can carry is cut at a character boundary.
 */
public final class CardFrames {
    /** The factory card address. */
    public static final int DEFAULT_ADDRESS = 0x00;
    /** Seconds the gate-open relay is pulsed. */
    public static final int GATE_PULSE_SECONDS = 1;

    private CardFrames() {
    }

    /** 0x00 with the card password; cards without password protection just answer with their versions. */
    public static CardFrame connect(int address, String password) {
        return new CardCommand.Connect(password).toFrame(address);
    }

    /** 0x05: set the card clock to {@code time} (local time of the lot). */
    public static CardFrame syncTime(int address, LocalDateTime time) {
        return new CardCommand.SyncTime(time).toFrame(address);
    }

    /** 0x0C: brightness in percent (10..100). */
    public static CardFrame brightness(int address, int percent) {
        return new CardCommand.Brightness(percent).toFrame(address);
    }

    /** 0x0D: voice volume. */
    public static CardFrame volume(int address, int level) {
        return new CardCommand.Volume(level).toFrame(address);
    }

    /** 0x0F: pulse the gate-open relay for {@value #GATE_PULSE_SECONDS} s. */
    public static CardFrame openGate(int address) {
        return relay(address, CardCommand.Relay.CH_OPEN, GATE_PULSE_SECONDS);
    }

    /** 0x0F: pulse the gate-close relay. */
    public static CardFrame closeGate(int address) {
        return relay(address, CardCommand.Relay.CH_CLOSE, GATE_PULSE_SECONDS);
    }

    /** 0x0F: hold the gate-open relay on until {@link #releaseGate(int)} (rush hour / keep-open). */
    public static CardFrame keepGateOpen(int address) {
        return relay(address, CardCommand.Relay.CH_OPEN, CardCommand.Relay.HOLD);
    }

    /** 0x0F: switch the gate-open relay off (ends keep-open; the barrier's own loop closes it). */
    public static CardFrame releaseGate(int address) {
        return relay(address, CardCommand.Relay.CH_OPEN, 0);
    }

    /** 0x0F: any relay channel for {@code seconds} (0 = off, 255 = hold). */
    public static CardFrame relay(int address, int channel, int seconds) {
        return new CardCommand.Relay(channel, 1, seconds).toFrame(address);
    }

    /** 0x30: queue and play {@code text}. */
    public static CardFrame playVoice(int address, String text) {
        return playVoice(address, CardCommand.PlayVoice.PLAY, text);
    }

    /** 0x30 with an explicit option: 0 queue only, 1 queue and play, 2 clear the queue and play. */
    public static CardFrame playVoice(int address, int option, String text) {
        return new CardCommand.PlayVoice(option, text).toFrame(address);
    }

    /** 0x31: stop the voice and clear its queue. */
    public static CardFrame stopVoice(int address) {
        return new CardCommand.StopVoice().toFrame(address);
    }

    /** 0x62: temporary text on {@code line} (window id, 0 = top line), red, immediate, shown until replaced. */
    public static CardFrame showText(int address, int line, String text) {
        return showText(address, line, text, TextStyle.DEFAULT);
    }

    public static CardFrame showText(int address, int line, String text, TextStyle style) {
        return new CardCommand.TempText(line, style, text).toFrame(address);
    }

    /** 0x6E: up to four lines (top first) and a voice text in one frame; lines alternate red and green. */
    public static CardFrame showLinesAndSay(int address, List<String> lines, String voice) {
        return new CardCommand.MultiLine(false, toTextLines(lines), voice).toFrame(address);
    }

    /** 0x6F (v2 cards): up to four lines and a voice text; {@code screenSeconds} 0 = card default, 255 = always. */
    public static CardFrame showLinesAndSayV2(int address, List<String> lines, String voice, int screenSeconds) {
        return new CardCommand.MultiLineV2(false, screenSeconds, toTextLines(lines), voice).toFrame(address);
    }

    static List<TextLine> toTextLines(List<String> lines) {
        List<TextLine> out = new ArrayList<>();
        for (int i = 0; i < lines.size() && i < 4; i++) {
            out.add(TextLine.of(i, lines.get(i), i % 2 == 0 ? TextStyle.RED : TextStyle.GREEN));
        }
        return out;
    }

    /** 0xE1: QR payment screen with a text (e.g. plate and fee), optionally spoken. */
    public static CardFrame qrPayment(int address, String qrContent, String text, long amountFen, long parkedSeconds,
                                      boolean speak) {
        return new CardCommand.QrPayment(true, 0, parkedSeconds, amountFen, qrContent, text, speak, false)
                .toFrame(address);
    }

    /** 0xE5: the QR payment screen drawn from its modules (29x29 or 45x45), shown until replaced. */
    public static CardFrame qrBitmap(int address, boolean[][] modules, String text, boolean speak) {
        return new CardCommand.QrBitmap(true, 0, speak, text, modules).toFrame(address);
    }

    /** 0xE3: remaining-spaces screen, shown until replaced. */
    public static CardFrame remainingSpaces(int address, long spaces) {
        return new CardCommand.RemainingSpaces(true, 0, spaces).toFrame(address);
    }
}
