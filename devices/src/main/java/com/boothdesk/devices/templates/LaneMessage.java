package com.boothdesk.devices.templates;

import com.boothdesk.devices.camera.SerialPayload;
import com.boothdesk.devices.card.CardFrame;
import com.boothdesk.devices.card.CardFrames;
import com.boothdesk.devices.card.LaneCardOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A rendered template: what the LED shows (top line first) and what the voice says ("" = nothing).
 *
 * @param lines screen lines, top first
 * @param voice voice text, "" for none
 */
public record LaneMessage(List<String> lines, String voice) {
    public LaneMessage {
        lines = List.copyOf(lines);
        Objects.requireNonNull(voice, "voice");
    }

    /** The card frames that put this message on a card, for sending through a camera's serial output. */
    public List<CardFrame> toCardFrames(int address, LaneCardOptions.TextMode mode) {
        List<String> padded = new ArrayList<>(lines);
        while (padded.size() < 4) {
            padded.add("");
        }
        List<CardFrame> frames = new ArrayList<>();
        switch (mode) {
            case MULTI_LINE_6E:
                frames.add(CardFrames.showLinesAndSay(address, padded, voice));
                break;
            case MULTI_LINE_6F:
                frames.add(CardFrames.showLinesAndSayV2(address, padded, voice, 0));
                break;
            default:
                for (int i = 0; i < 4; i++) {
                    frames.add(CardFrames.showText(address, i, padded.get(i)));
                }
                if (!voice.isEmpty()) {
                    frames.add(CardFrames.playVoice(address, voice));
                }
        }
        return frames;
    }

    /** {@link #toCardFrames} wrapped for a Zhenshi reply's {@code serialData} on {@code channel}. */
    public List<SerialPayload> toSerialPayloads(int channel, int address, LaneCardOptions.TextMode mode) {
        List<SerialPayload> out = new ArrayList<>();
        for (CardFrame f : toCardFrames(address, mode)) {
            out.add(new SerialPayload(channel, f.encode()));
        }
        return out;
    }
}
