package com.boothdesk.devices.sim.camerakit;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The camera side of a pull-mode event stream, shared by the simulated Hikvision ({@code alertStream}) and Dahua
 * ({@code snapManager attachFileProc}) cameras: each booth that attaches gets an endless multipart answer (chunked,
 * as the JDK server sends a body of unknown length) carrying the events published while it is attached and a
 * heartbeat whenever nothing else was sent for {@code heartbeatEvery}. {@link #stall} makes every attached stream
 * go silent while the connection stays open (a camera that hangs), for the booth's read deadline.
 */
public final class EventStreamServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventStreamServer.class);
    private static final int QUEUE = 64;

    /** One part of the stream; {@code name} ("" for none) goes out as its Content-Disposition name and file name. */
    public record Part(String contentType, String name, byte[] data) {
        public Part {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(data, "data");
        }

        public Part(String contentType, byte[] data) {
            this(contentType, "", data);
        }

        public static Part text(String contentType, String text) {
            return new Part(contentType, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final String boundary;
    private final String contentType;
    private final Duration heartbeatEvery;
    private final Supplier<List<Part>> heartbeat;
    private final Set<BlockingQueue<List<Part>>> subscribers = new CopyOnWriteArraySet<>();
    private final AtomicInteger attaches = new AtomicInteger();
    private volatile boolean stalled;
    private volatile boolean running = true;

    /**
     * @param contentType the stream's media type without the boundary ({@code multipart/mixed},
     *                    {@code multipart/x-mixed-replace})
     */
    public EventStreamServer(String boundary, String contentType, Duration heartbeatEvery,
                             Supplier<List<Part>> heartbeat) {
        this.boundary = Objects.requireNonNull(boundary, "boundary");
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.heartbeatEvery = Objects.requireNonNull(heartbeatEvery, "heartbeatEvery");
        this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
    }

    /**
     * Serves one attached booth until it goes away (or the simulator closes); blocks the exchange's thread.
     * {@code onAttached} runs once the stream is open (to re-send kept records through {@link #publish}).
     */
    public void serve(HttpExchange ex, Runnable onAttached) throws IOException {
        BlockingQueue<List<Part>> q = new ArrayBlockingQueue<>(QUEUE);
        ex.getResponseHeaders().set("Content-Type", contentType + "; boundary=" + boundary);
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        subscribers.add(q);
        attaches.incrementAndGet();
        try {
            onAttached.run();
            while (running) {
                List<Part> next = q.poll(heartbeatEvery.toMillis(), TimeUnit.MILLISECONDS);
                if (stalled) {
                    continue; // silent, connection kept
                }
                write(out, next != null ? next : heartbeat.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.info("sim event stream: booth went away ({})", e.toString());
        } finally {
            subscribers.remove(q);
        }
    }

    private void write(OutputStream out, List<Part> parts) throws IOException {
        for (Part p : parts) {
            String disposition = p.name().isEmpty() ? "" : "Content-Disposition: form-data; name=\"" + p.name()
                    + "\"; filename=\"" + p.name() + "\"\r\n";
            out.write(("--" + boundary + "\r\nContent-Type: " + p.contentType() + "\r\n" + disposition
                    + "Content-Length: " + p.data().length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(p.data());
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.flush();
    }

    /** Sends one event (its parts in order) to every attached booth; false when none is attached. */
    public boolean publish(List<Part> parts) {
        boolean any = false;
        for (BlockingQueue<List<Part>> q : subscribers) {
            any |= q.offer(List.copyOf(parts));
        }
        return any;
    }

    /** Booths attached now. */
    public int attached() {
        return subscribers.size();
    }

    /** How many times a booth attached. */
    public int attaches() {
        return attaches.get();
    }

    /** Silences the streams (connections kept open) or lets them speak again. */
    public void stall(boolean on) {
        stalled = on;
    }

    @Override
    public void close() {
        running = false;
    }
}
