package com.boothdesk.devices.sim;

import com.boothdesk.devices.serial.LinkState;
import com.boothdesk.devices.serial.SerialException;
import com.boothdesk.devices.serial.SerialLink;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The line model of a simulated device: wraps the device's end of a pseudo-terminal (which moves bytes as fast as the
 * kernel can) so bytes take the time they take on RS485 at the configured baud rate, 8N1 (10 bits a byte: a 14-byte
 * gate frame 14.6 ms, its 9-byte ACK 9.4 ms at 9600). Received bytes reach the device's receiver no earlier than the
 * line could have carried them; the device's writes go out at the same pace. Both directions share one wire
 * (half-duplex two-wire RS485): a reply waits until the line is free. "Decoded at the card" then means "fully on the
 * wire", as on a real line.
 *
 * <p>Half duplex means one talker at a time: bytes from one side that reach the line while the other side's bytes
 * are still on it would collide on a real bus (both frames garbled). The model still carries both, one after the
 * other, but counts every such overlap in {@link #collisions()}, so a test can assert the host never talks over the
 * card's reply (and the reverse). Silence (a card's t3.5 timer) is not modelled: the host's bytes reach this side
 * through a pty read with the scheduling jitter of a loaded machine, which a UART does not have, so a gap seen here is
 * not a gap on the wire; the simulated card resynchronises on frame headers and CRCs instead
 * ({@link com.boothdesk.devices.card.CardFrameDecoder}).
 */
public final class PacedLine implements SerialLink {
    private final SerialLink inner;
    private final long byteNanos;
    private final Object wire = new Object();
    private final ArrayDeque<Timed> inbound = new ArrayDeque<>();
    private final ArrayDeque<Timed> outbound = new ArrayDeque<>();
    private long busyUntil;
    private boolean busyByDevice;
    private long collisions;
    private volatile Consumer<byte[]> receiver = b -> { };
    private volatile boolean running;
    private Thread pacer;

    private record Timed(byte[] bytes, long start) {
    }

    public PacedLine(SerialLink inner, int baudRate) {
        this.inner = Objects.requireNonNull(inner, "inner");
        if (baudRate < 300) {
            throw new IllegalArgumentException("baud rate too low: " + baudRate);
        }
        this.byteNanos = 10L * 1_000_000_000L / baudRate;
    }

    /** Nanoseconds one byte takes on this line. */
    public long byteNanos() {
        return byteNanos;
    }

    @Override
    public String name() {
        return inner.name() + "@paced";
    }

    @Override
    public void open() throws SerialException {
        running = true;
        inner.setReceiver(this::arrived);
        pacer = new Thread(this::pace, "paced-line-" + inner.name().substring(inner.name().lastIndexOf('/') + 1));
        pacer.setDaemon(true);
        pacer.start();
        inner.open();
    }

    private void arrived(byte[] chunk) {
        synchronized (wire) {
            long now = System.nanoTime();
            if (busyByDevice && busyUntil - now > 0) {
                collisions++; // the host started talking while the device's reply was on the line
            }
            long start = Math.max(now, busyUntil);
            busyUntil = start + chunk.length * byteNanos;
            busyByDevice = false;
            inbound.add(new Timed(chunk.clone(), start));
            wire.notifyAll();
        }
    }

    @Override
    public void write(byte[] bytes) throws SerialException {
        synchronized (wire) {
            long now = System.nanoTime();
            if (!busyByDevice && busyUntil - now > 0) {
                collisions++; // the device answered while host bytes were still on the line
            }
            long start = Math.max(now, busyUntil);
            busyUntil = start + bytes.length * byteNanos;
            busyByDevice = true;
            outbound.add(new Timed(bytes.clone(), start));
            wire.notifyAll();
        }
    }

    /** Hands each byte on once its last bit would have crossed the line. */
    private void pace() {
        while (running) {
            Timed in;
            Timed out;
            synchronized (wire) {
                while (running && inbound.isEmpty() && outbound.isEmpty()) {
                    try {
                        wire.wait(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                in = inbound.peek();
                out = outbound.peek();
            }
            long now = System.nanoTime();
            if (in != null && deliver(in, now, true)) {
                continue;
            }
            if (out != null && deliver(out, now, false)) {
                continue;
            }
            long next = Long.MAX_VALUE;
            if (in != null) {
                next = Math.min(next, in.start + byteNanos);
            }
            if (out != null) {
                next = Math.min(next, out.start + byteNanos);
            }
            long left = next - System.nanoTime();
            if (left > 0) {
                LockSupport.parkNanos(Math.min(left, 1_000_000L));
            }
        }
    }

    /** Passes on the bytes of {@code t} that have fully arrived by {@code now}; true if any did. */
    private boolean deliver(Timed t, long now, boolean toDevice) {
        int done = (int) Math.min(t.bytes.length, Math.max(0, (now - t.start) / byteNanos));
        if (done == 0) {
            return false;
        }
        byte[] part = Arrays.copyOf(t.bytes, done);
        synchronized (wire) {
            ArrayDeque<Timed> q = toDevice ? inbound : outbound;
            q.poll();
            if (done < t.bytes.length) {
                q.addFirst(new Timed(Arrays.copyOfRange(t.bytes, done, t.bytes.length), t.start + done * byteNanos));
            }
        }
        if (toDevice) {
            receiver.accept(part);
        } else {
            try {
                inner.write(part);
            } catch (SerialException e) {
                // the pty went away: the line is down, the bytes are lost as on a cut cable
            }
        }
        return true;
    }

    /** Overlaps of the two talkers on the half-duplex line so far (0 on a well-behaved line). */
    public long collisions() {
        synchronized (wire) {
            return collisions;
        }
    }

    @Override
    public void setReceiver(Consumer<byte[]> receiver) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
    }

    @Override
    public LinkState state() {
        return inner.state();
    }

    @Override
    public void addStateListener(Consumer<LinkState> listener) {
        inner.addStateListener(listener);
    }

    @Override
    public void close() {
        running = false;
        if (pacer != null) {
            pacer.interrupt();
        }
        inner.close();
    }
}
