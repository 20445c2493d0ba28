package com.boothdesk.devices.sim;

import com.boothdesk.devices.serial.LinkState;
import com.boothdesk.devices.serial.SerialException;
import com.boothdesk.devices.serial.SerialIoException;
import com.boothdesk.devices.serial.SerialLink;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two {@link SerialLink}s joined in memory, for tests and the demo mode when no pseudo-terminal is available. Each end
 * delivers on its own single thread, in order, like a real link. {@link #unplug()} and {@link #replug()} make both ends
 * go through RECONNECTING and back to OPEN.
 */
public final class InMemorySerialPair implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InMemorySerialPair.class);

    private final End a;
    private final End b;
    private volatile boolean plugged = true;

    public InMemorySerialPair(String name) {
        a = new End(name + "-A");
        b = new End(name + "-B");
        a.peer = b;
        b.peer = a;
    }

    public SerialLink endA() {
        return a;
    }

    public SerialLink endB() {
        return b;
    }

    /** Both ends lose the line: state RECONNECTING, writes fail. */
    public void unplug() {
        plugged = false;
        a.lineChanged();
        b.lineChanged();
    }

    /** The line is back: opened ends return to OPEN. */
    public void replug() {
        plugged = true;
        a.lineChanged();
        b.lineChanged();
    }

    @Override
    public void close() {
        a.close();
        b.close();
    }

    private final class End implements SerialLink {
        private final String name;
        private final ExecutorService thread;
        private final List<Consumer<LinkState>> listeners = new CopyOnWriteArrayList<>();
        private volatile Consumer<byte[]> receiver = x -> { };
        private volatile LinkState state = LinkState.CLOSED;
        private volatile boolean opened;
        private End peer;

        End(String name) {
            this.name = name;
            this.thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "memserial-" + name);
                t.setDaemon(true);
                return t;
            });
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void open() {
            opened = true;
            setState(plugged ? LinkState.OPEN : LinkState.RECONNECTING);
        }

        void lineChanged() {
            if (opened) {
                setState(plugged ? LinkState.OPEN : LinkState.RECONNECTING);
            }
        }

        @Override
        public void write(byte[] bytes) throws SerialException {
            Objects.requireNonNull(bytes, "bytes");
            if (state != LinkState.OPEN) {
                throw new SerialIoException(name + " is not open (" + state + ")");
            }
            byte[] copy = bytes.clone();
            End to = peer;
            if (to.state == LinkState.OPEN) {
                to.deliver(copy);
            }
        }

        private void deliver(byte[] chunk) {
            try {
                thread.execute(() -> {
                    try {
                        receiver.accept(chunk);
                    } catch (RuntimeException e) {
                        LOG.error("receiver of {} failed", name, e);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("{} closed; dropped {} bytes", name, chunk.length);
            }
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
            listeners.add(listener);
        }

        private void setState(LinkState s) {
            if (state == s) {
                return;
            }
            state = s;
            try {
                thread.execute(() -> listeners.forEach(l -> l.accept(s)));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                listeners.forEach(l -> l.accept(s));
            }
        }

        @Override
        public void close() {
            opened = false;
            setState(LinkState.CLOSED);
            thread.shutdown();
            try {
                thread.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
