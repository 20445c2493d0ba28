package com.boothdesk.devices.camera.common;

import com.boothdesk.devices.camera.CameraReply;
import com.boothdesk.devices.camera.PlateSource;
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
 * The lane card's line behind a Zhenshi camera in HTTP push mode ({@code card.via=camera} with the default camera
 * kind): every write is queued with the push server as {@code serialData} for that camera and goes out in the answer
 * to its next push or (comet) heartbeat within the window, else it is dropped. What the card answers comes back only
 * when the camera pushes its RS485 input ({@code SerialData}, "串口数据推送" on): then the site sets an ACK wait that
 * covers the camera's polling interval ({@code lane.<id>.card.ack_timeout_ms}) and the card driver waits for the
 * card's ACKs as on a direct line; without it frames go without ACK.
 */
public final class ReplySerialLink implements CameraCardLine {
    private static final Logger LOG = LoggerFactory.getLogger(ReplySerialLink.class);

    private final PlateSource server;
    private final String serialNo;
    private final int channel;
    private final Duration window;
    private final Duration ackWait;
    private volatile Consumer<byte[]> receiver = b -> { };
    private final List<Consumer<LinkState>> listeners = new CopyOnWriteArrayList<>();
    private volatile LinkState state = LinkState.CLOSED;

    public ReplySerialLink(PlateSource server, String serialNo, int channel, Duration window) {
        this(server, serialNo, channel, window, null);
    }

    /**
     * @param ackWait how long the card driver waits for an ACK the camera relays back ({@code SerialData} pushes);
     *                null or zero: the camera does not relay them
     */
    public ReplySerialLink(PlateSource server, String serialNo, int channel, Duration window, Duration ackWait) {
        this.server = Objects.requireNonNull(server, "server");
        this.serialNo = Objects.requireNonNull(serialNo, "serialNo");
        this.channel = channel;
        this.window = Objects.requireNonNull(window, "window");
        this.ackWait = ackWait == null || ackWait.isZero() || ackWait.isNegative() ? null : ackWait;
        if (this.ackWait != null) {
            server.onSerialReceived(serialNo, p -> {
                if (p.channel() == this.channel && state == LinkState.OPEN) {
                    receiver.accept(p.data());
                }
            });
        }
    }

    @Override
    public java.util.Optional<Duration> ackWait() {
        return java.util.Optional.ofNullable(ackWait);
    }

    /** Each write is one {@code serialData} item: the card driver hands over whole frames. */
    @Override
    public boolean framed() {
        return true;
    }

    @Override
    public String name() {
        return "camera:" + serialNo + ":serialData-" + channel;
    }

    @Override
    public void open() {
        set(LinkState.OPEN);
    }

    @Override
    public void write(byte[] bytes) throws SerialException {
        if (state != LinkState.OPEN) {
            throw new SerialIoException(name() + " is not open");
        }
        server.queueForCamera(serialNo, CameraReply.serial(List.of(new SerialPayload(channel, bytes))), window)
                .thenAccept(o -> {
                    if (!o.delivered()) {
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
        set(LinkState.CLOSED);
    }

    private void set(LinkState s) {
        if (state != s) {
            state = s;
            listeners.forEach(l -> l.accept(s));
        }
    }
}
