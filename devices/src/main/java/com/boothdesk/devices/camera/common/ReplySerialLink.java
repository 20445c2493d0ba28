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
 * to its next push or (comet) heartbeat within the window, else it is dropped. The camera does not relay the card's
 * answers in its replies, so the card driver must not wait for ACKs.
 */
public final class ReplySerialLink implements SerialLink {
    private static final Logger LOG = LoggerFactory.getLogger(ReplySerialLink.class);

    private final PlateSource server;
    private final String serialNo;
    private final int channel;
    private final Duration window;
    private final List<Consumer<LinkState>> listeners = new CopyOnWriteArrayList<>();
    private volatile LinkState state = LinkState.CLOSED;

    public ReplySerialLink(PlateSource server, String serialNo, int channel, Duration window) {
        this.server = Objects.requireNonNull(server, "server");
        this.serialNo = Objects.requireNonNull(serialNo, "serialNo");
        this.channel = channel;
        this.window = Objects.requireNonNull(window, "window");
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
        // the camera's replies carry nothing back from the card
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
