package com.boothdesk.devices.sim;

import java.time.LocalDateTime;

/** What a {@link SimulatedLaneCard} did with a frame: the demo window and tests watch these. */
public sealed interface CardEvent {

    /** The gate-open relay was pulsed ({@code seconds} 255 = held open). */
    record GateOpened(int seconds) implements CardEvent { }

    /** The gate-close relay was pulsed, or a held-open gate was released. */
    record GateClosed() implements CardEvent { }

    /** Another relay channel (traffic light) was switched. */
    record RelaySwitched(int channel, int seconds) implements CardEvent { }

    /** {@code text} is now on {@code line} (0 = top). */
    record TextShown(int line, String text) implements CardEvent { }

    /** The card spoke {@code text}. */
    record VoicePlayed(String text) implements CardEvent { }

    /** Voice stopped and queue cleared. */
    record VoiceStopped() implements CardEvent { }

    record VolumeSet(int level) implements CardEvent { }

    record BrightnessSet(int percent) implements CardEvent { }

    record TimeSynced(LocalDateTime time) implements CardEvent { }

    /** The remaining-spaces screen shows {@code spaces}. */
    record SpacesShown(long spaces) implements CardEvent { }

    /** The QR payment screen shows {@code qrContent} and {@code text}. */
    record QrShown(String qrContent, String text, long amountFen) implements CardEvent { }

    /** The drawn QR payment screen (0xE5) shows these modules (dark = true) and {@code text}. */
    record QrDrawn(boolean[][] modules, String text) implements CardEvent { }

    /** A host connected (0x00). */
    record Connected(String password) implements CardEvent { }

    /** A frame addressed to this card that it could not use; it answered with a non-zero ACK. */
    record FrameRejected(String reason) implements CardEvent { }
}
