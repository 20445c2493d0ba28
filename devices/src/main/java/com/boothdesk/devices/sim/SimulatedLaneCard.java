package com.boothdesk.devices.sim;

import com.boothdesk.devices.card.CardCommand;
import com.boothdesk.devices.card.CardFormatException;
import com.boothdesk.devices.card.CardFrame;
import com.boothdesk.devices.card.CardFrameDecoder;
import com.boothdesk.devices.serial.SerialException;
import com.boothdesk.devices.serial.SerialLink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The far end of a lane card's serial line: decodes every frame the host sends, keeps what the card would show and
 * say, tells listeners, and answers with the ACK a real card sends ({@code DA 64 FF FF CMD 01 00 CRC}). Frames for
 * other addresses are recorded but neither applied nor answered, as on a shared RS485 bus.
 */
public final class SimulatedLaneCard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedLaneCard.class);
    /** ACK byte the simulator sends for frames it cannot use. */
    public static final int ACK_REJECTED = 1;

    private final SerialLink link;
    private final int address;
    private final CardFrameDecoder decoder = new CardFrameDecoder();
    private final List<Consumer<CardEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<CardFrame> received = new CopyOnWriteArrayList<>();
    private final List<CardEvent> events = new CopyOnWriteArrayList<>();
    private final String[] lines = {"", "", "", ""};
    private volatile String lastVoice = "";
    private volatile boolean answering = true;
    private volatile boolean echo;
    private volatile boolean gateHeldOpen;
    private volatile int volume = -1;

    public SimulatedLaneCard(SerialLink farEnd, int address) {
        this.link = Objects.requireNonNull(farEnd, "farEnd");
        this.address = address;
    }

    /** Opens the far end of the line and starts answering. */
    public void start() throws SerialException {
        link.setReceiver(this::onBytes);
        link.open();
    }

    public void addListener(Consumer<CardEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops (or resumes) answering, as a card in half-duplex mode or a dead card would. Frames are still decoded. */
    public void setAnswering(boolean answering) {
        this.answering = answering;
    }

    /** Sends every received chunk straight back first, as a two-wire RS485 adapter echoes the host's own bytes. */
    public void setEcho(boolean echo) {
        this.echo = echo;
    }

    private void onBytes(byte[] chunk) {
        if (echo) {
            try {
                link.write(chunk);
            } catch (SerialException e) {
                LOG.warn("simulated card {} could not echo: {}", address, e.getMessage());
            }
        }
        List<CardFrame> frames;
        synchronized (decoder) {
            frames = decoder.feed(chunk);
        }
        for (CardFrame f : frames) {
            received.add(f);
            if (f.address() != address) {
                LOG.debug("simulated card {}: frame for address {} ignored", address, f.address());
                continue;
            }
            int ack = apply(f);
            if (answering) {
                try {
                    link.write(f.reply(ack).encode());
                } catch (SerialException e) {
                    LOG.warn("simulated card {} could not answer: {}", address, e.getMessage());
                }
            }
        }
    }

    private int apply(CardFrame f) {
        CardCommand c;
        try {
            c = CardCommand.parse(f);
        } catch (CardFormatException e) {
            emit(new CardEvent.FrameRejected(e.getMessage()));
            return ACK_REJECTED;
        }
        if (c instanceof CardCommand.Relay) {
            CardCommand.Relay r = (CardCommand.Relay) c;
            if (r.channel() == CardCommand.Relay.CH_OPEN || r.channel() == CardCommand.Relay.CH_LIGHT_AND_OPEN) {
                if (r.seconds() == 0) {
                    gateHeldOpen = false;
                    emit(new CardEvent.GateClosed());
                } else {
                    gateHeldOpen = r.seconds() == CardCommand.Relay.HOLD;
                    emit(new CardEvent.GateOpened(r.seconds()));
                }
            } else if (r.channel() == CardCommand.Relay.CH_CLOSE) {
                gateHeldOpen = false;
                emit(new CardEvent.GateClosed());
            } else {
                emit(new CardEvent.RelaySwitched(r.channel(), r.seconds()));
            }
        } else if (c instanceof CardCommand.TempText) {
            CardCommand.TempText t = (CardCommand.TempText) c;
            if (t.line() >= lines.length) {
                emit(new CardEvent.FrameRejected("no line " + t.line()));
                return ACK_REJECTED;
            }
            showLine(t.line(), t.text());
        } else if (c instanceof CardCommand.PlayVoice) {
            speak(((CardCommand.PlayVoice) c).text());
        } else if (c instanceof CardCommand.MultiLine) {
            CardCommand.MultiLine m = (CardCommand.MultiLine) c;
            m.lines().forEach(l -> showLine(l.line(), l.text()));
            speak(m.voice());
        } else if (c instanceof CardCommand.MultiLineV2) {
            CardCommand.MultiLineV2 m = (CardCommand.MultiLineV2) c;
            m.lines().forEach(l -> showLine(l.line(), l.text()));
            speak(m.voice());
        } else if (c instanceof CardCommand.StopVoice) {
            emit(new CardEvent.VoiceStopped());
        } else if (c instanceof CardCommand.Volume) {
            volume = ((CardCommand.Volume) c).level();
            emit(new CardEvent.VolumeSet(volume));
        } else if (c instanceof CardCommand.Brightness) {
            emit(new CardEvent.BrightnessSet(((CardCommand.Brightness) c).percent()));
        } else if (c instanceof CardCommand.SyncTime) {
            emit(new CardEvent.TimeSynced(((CardCommand.SyncTime) c).time()));
        } else if (c instanceof CardCommand.RemainingSpaces) {
            emit(new CardEvent.SpacesShown(((CardCommand.RemainingSpaces) c).spaces()));
        } else if (c instanceof CardCommand.QrPayment) {
            CardCommand.QrPayment q = (CardCommand.QrPayment) c;
            emit(new CardEvent.QrShown(q.qrContent(), q.text(), q.amountFen()));
        } else if (c instanceof CardCommand.QrBitmap q) { // pay: the 0xE5 drawn QR screen
            emit(new CardEvent.QrDrawn(q.modules(), q.text()));
        } else if (c instanceof CardCommand.Connect) {
            emit(new CardEvent.Connected(((CardCommand.Connect) c).password()));
        }
        return 0;
    }

    private void showLine(int line, String text) {
        if (line < lines.length) {
            synchronized (lines) {
                lines[line] = text;
            }
            emit(new CardEvent.TextShown(line, text));
        }
    }

    private void speak(String text) {
        if (!text.isEmpty()) {
            lastVoice = text;
            emit(new CardEvent.VoicePlayed(text));
        }
    }

    private void emit(CardEvent e) {
        events.add(e);
        for (Consumer<CardEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                LOG.error("listener of simulated card {} failed on {}", address, e, ex);
            }
        }
    }

    /** Every frame decoded so far, for any address, in arrival order. */
    public List<CardFrame> receivedFrames() {
        return Collections.unmodifiableList(new ArrayList<>(received));
    }

    /** Every event so far, in order. */
    public List<CardEvent> events() {
        return Collections.unmodifiableList(new ArrayList<>(events));
    }

    /** The four lines as the screen shows them now (top first). */
    public List<String> displayLines() {
        synchronized (lines) {
            return List.of(lines.clone());
        }
    }

    /** The last text spoken, "" if none. */
    public String lastVoice() {
        return lastVoice;
    }

    public boolean gateHeldOpen() {
        return gateHeldOpen;
    }

    public int volume() {
        return volume;
    }

    /** Bytes the decoder could not use (garbage, bad CRC). */
    public long discardedBytes() {
        synchronized (decoder) {
            return decoder.discardedBytes();
        }
    }

    /**
     * Frames that arrived broken: cut off by their sender (a complete frame behind them, or the line idle) or with a
     * bad CRC (a cut frame whose announced length was filled by the bytes after it).
     */
    public long brokenFrames() {
        synchronized (decoder) {
            return decoder.truncatedFrames() + decoder.crcErrors();
        }
    }

    @Override
    public void close() {
        link.close();
    }
}
