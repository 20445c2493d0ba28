package com.boothdesk.devices.camera.common;

import com.boothdesk.devices.camera.SerialPayload;
import com.boothdesk.devices.serial.LinkState;
import com.boothdesk.devices.serial.SerialException;
import com.boothdesk.devices.serial.SerialIoException;
import com.boothdesk.devices.serial.SerialLink;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LED/voice card's serial line when the card hangs on the camera's RS485 port ({@code card.via=camera}): each
 * write goes out as the camera's RS485 pass-through (Zhenshi {@code serialData}, Huaxia RS485 data, the TCP
 * transparent channel) and bytes the camera relays back reach the receiver, so the card driver ({@code LaneCard})
 * works unchanged, priorities and all. A write returns once the frame is handed to the camera adapter; it never waits
 * for the camera's next call.
 */
public final class CameraSerialLink implements CameraCardLine {

    /** Each write is one pass-through command to the camera: the card driver must hand over whole frames. */
    @Override
    public boolean framed() {
        return true;
    }
    private static final Logger LOG = LoggerFactory.getLogger(CameraSerialLink.class);

    private final LaneCamera camera;
    private final int channel;
    private final Duration ackWait;
    private final List<Consumer<LinkState>> listeners = new CopyOnWriteArrayList<>();
    private volatile Consumer<byte[]> receiver = b -> { };
    private volatile LinkState state = LinkState.CLOSED;

    public CameraSerialLink(LaneCamera camera, int channel) {
        this(camera, channel, null);
    }

    /**
     * @param ackWait the card driver's wait for the card's ACK relayed by the camera; null: the brand's default
     *                ({@link #DEFAULT_ACK_WAIT} where the camera relays RS485 input by itself, none otherwise); zero:
     *                do not wait (the camera's RS485 input push is off)
     */
    public CameraSerialLink(LaneCamera camera, int channel, Duration ackWait) {
        this.ackWait = ackWait != null ? ackWait : camera.capabilities().contains(CameraCapability.RS485_RECEIVE)
                ? DEFAULT_ACK_WAIT : Duration.ZERO;
        this.camera = Objects.requireNonNull(camera, "camera");
        if (channel < 0 || channel > 1) {
            throw new IllegalArgumentException("RS485 channel must be 0 or 1: " + channel);
        }
        this.channel = channel;
        camera.onSerialReceived(p -> {
            if (p.channel() == this.channel && state == LinkState.OPEN) {
                receiver.accept(p.data());
            }
        });
    }

    /** A TCP round trip more than a serial line: the wait for an ACK a connected camera relays at once. */
    public static final Duration DEFAULT_ACK_WAIT = Duration.ofMillis(600);

    /** True when the card's answers are waited for (the camera relays them), else frames go without ACK. */
    public boolean relaysAck() {
        return !ackWait.isZero() && !ackWait.isNegative();
    }

    @Override
    public java.util.Optional<Duration> ackWait() {
        return relaysAck() ? java.util.Optional.of(ackWait) : java.util.Optional.empty();
    }

    @Override
    public String name() {
        return "camera:" + camera.cameraId() + ":rs485-" + (channel + 1);
    }

    @Override
    public void open() {
        setState(LinkState.OPEN);
    }

    @Override
    public void write(byte[] bytes) throws SerialException {
        if (state != LinkState.OPEN) {
            throw new SerialIoException(name() + " is not open");
        }
        camera.sendSerial(new SerialPayload(channel, bytes)).whenComplete((o, e) -> {
            if (e != null) {
                LOG.warn("{}: frame not delivered: {}", name(), e.toString());
            } else if (!o.delivered()) {
                LOG.warn("{}: frame not delivered: {} {}", name(), o.status(), o.detail());
            }
        });
    }

    @Override
    public void setReceiver(Consumer<byte[]> receiver) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
    }

    @Override
    public LinkState state() {
        return state;
    }

    @Override
    public void addStateListener(Consumer<LinkState> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void close() {
        setState(LinkState.CLOSED);
    }

    private void setState(LinkState s) {
        if (state == s) {
            return;
        }
        state = s;
        for (Consumer<LinkState> l : listeners) {
            l.accept(s);
        }
    }
}
