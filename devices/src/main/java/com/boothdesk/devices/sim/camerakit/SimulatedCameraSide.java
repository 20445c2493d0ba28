package com.boothdesk.devices.sim.camerakit;

import com.boothdesk.devices.camera.SerialPayload;
import com.boothdesk.devices.gate.GateState;
import com.boothdesk.devices.serial.SerialException;
import com.boothdesk.devices.serial.SerialLink;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every simulated camera has besides its protocol: the barrier on its relay (opens counted, position kept), its
 * RS485 port (bytes recorded per channel, optionally written to a serial link where a simulated LED card listens),
 * its own white list and clock. Thread-safe; tests wait on the counters with Awaitility.
 */
public final class SimulatedCameraSide {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedCameraSide.class);

    private final AtomicInteger opens = new AtomicInteger();
    private final AtomicInteger closes = new AtomicInteger();
    private final AtomicInteger offlineOpens = new AtomicInteger();
    private volatile GateState gate = GateState.CLOSED;
    private final List<SerialPayload> rs485 = new CopyOnWriteArrayList<>();
    private final Map<String, LocalDateTime[]> whiteList = new ConcurrentHashMap<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private volatile SerialLink forward;
    private final List<SerialPayload> answered = new CopyOnWriteArrayList<>();
    private volatile java.util.function.Consumer<SerialPayload> relay;
    private volatile LocalDateTime clockSetTo;

    /**
     * Writes RS485 bytes of channel 0 on to this link (e.g. where a {@code SimulatedLaneCard} listens); what comes
     * back on it (the card's ACKs) is recorded and handed to the camera's relay ({@link #onRs485Answer}).
     */
    public void forwardRs485To(SerialLink link) {
        this.forward = link;
        link.setReceiver(bytes -> {
            SerialPayload p = new SerialPayload(0, bytes.clone());
            answered.add(p);
            java.util.function.Consumer<SerialPayload> r = relay;
            if (r != null) {
                r.accept(p);
            }
        });
    }

    /** How the camera passes bytes its RS485 port received on to the booth (brands that relay them). */
    public void onRs485Answer(java.util.function.Consumer<SerialPayload> relay) {
        this.relay = relay;
    }

    /** Bytes the card answered on the camera's RS485 port, in order. */
    public List<SerialPayload> rs485Answered() {
        return new ArrayList<>(answered);
    }

    public void relayOpen() {
        opens.incrementAndGet();
        gate = GateState.OPEN;
    }

    public void relayClose() {
        closes.incrementAndGet();
        gate = GateState.CLOSED;
    }

    public void relayHold(boolean hold) {
        gate = hold ? GateState.HELD_OPEN : GateState.CLOSED;
    }

    /** The car passed and the barrier fell by its loop. */
    public void carPassed() {
        if (gate == GateState.OPEN) {
            gate = GateState.CLOSED;
        }
    }

    public void rs485(SerialPayload p) {
        rs485.add(p);
        SerialLink f = forward;
        if (f != null && p.channel() == 0) {
            try {
                f.write(p.data());
            } catch (SerialException e) {
                LOG.warn("simulated camera could not forward RS485 bytes: {}", e.toString());
            }
        }
    }

    public void command(String c) {
        commands.add(c);
    }

    public void whiteListPut(String plate, LocalDateTime from, LocalDateTime to) {
        whiteList.put(plate, new LocalDateTime[] {from, to});
    }

    public void whiteListRemove(String plate) {
        whiteList.remove(plate);
    }

    public void whiteListClear() {
        whiteList.clear();
    }

    /** The camera's own decision while its server is unreachable (脱机白名单开闸). */
    public boolean whiteListAllows(String plate, LocalDateTime at) {
        LocalDateTime[] v = whiteList.get(plate);
        boolean ok = v != null && !at.isBefore(v[0]) && !at.isAfter(v[1]);
        if (ok) {
            offlineOpens.incrementAndGet();
            relayOpen();
        }
        return ok;
    }

    public void clockSet(LocalDateTime t) {
        clockSetTo = t;
    }

    public int opens() {
        return opens.get();
    }

    public int closes() {
        return closes.get();
    }

    public int offlineOpens() {
        return offlineOpens.get();
    }

    public GateState gate() {
        return gate;
    }

    public List<SerialPayload> rs485Received() {
        return new ArrayList<>(rs485);
    }

    public java.util.Set<String> whiteList() {
        return java.util.Set.copyOf(whiteList.keySet());
    }

    public List<String> commands() {
        return new ArrayList<>(commands);
    }

    public LocalDateTime clockSetTo() {
        return clockSetTo;
    }
}
