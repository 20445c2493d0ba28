package com.boothdesk.app.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.common.Threads;
import com.boothdesk.app.domain.lane.ImageStore;

/**
 * Lane pictures as JPEG files under {@code <data>/images/<date>/}; the reference is the path below that folder.
 *
 * <p>{@link #save} names the file and returns at once; the file is written on the {@code picture-writer} thread, so
 * a car's gate does not wait for the disk. Until it is on disk a picture is served from memory ({@link #load}). At
 * most {@value #MAX_PENDING_BYTES} bytes wait: beyond that the caller writes its picture itself. {@link #close}
 * writes what is still waiting.
 */
public final class FileImageStore implements ImageStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileImageStore.class);
    static final long MAX_PENDING_BYTES = 32L * 1024 * 1024;

    private final Path root;
    private final Clock clock;
    private final Map<String, byte[]> pending = new ConcurrentHashMap<>();
    private final AtomicLong pendingBytes = new AtomicLong();
    private final ExecutorService writer = Threads.single("picture-writer");

    public FileImageStore(Path root, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
    }

    @Override
    public Optional<String> save(String name, byte[] jpeg) {
        if (jpeg == null || jpeg.length == 0) {
            return Optional.empty();
        }
        String safe = name.replaceAll("[^0-9A-Za-z_\\-]", "_");
        String ref = LocalDate.now(clock) + "/" + safe + ".jpg";
        if (pendingBytes.addAndGet(jpeg.length) > MAX_PENDING_BYTES) {
            pendingBytes.addAndGet(-jpeg.length);
            return write(ref, jpeg) ? Optional.of(ref) : Optional.empty();
        }
        pending.put(ref, jpeg);
        try {
            writer.execute(() -> flush(ref));
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            flush(ref);
        }
        return Optional.of(ref);
    }

    private void flush(String ref) {
        byte[] jpeg = pending.get(ref);
        if (jpeg == null) {
            return;
        }
        write(ref, jpeg);
        if (pending.remove(ref, jpeg)) {
            pendingBytes.addAndGet(-jpeg.length);
        }
    }

    private boolean write(String ref, byte[] jpeg) {
        try {
            Path file = root.resolve(ref);
            Files.createDirectories(file.getParent());
            Files.write(file, jpeg);
            return true;
        } catch (IOException e) {
            LOG.error("Could not store picture {} ({} bytes): {}", ref, jpeg.length, e.toString());
            return false;
        }
    }

    @Override
    public Optional<byte[]> load(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        byte[] waiting = pending.get(reference);
        if (waiting != null) {
            return Optional.of(waiting);
        }
        Path file = root.resolve(reference).normalize();
        if (!file.startsWith(root)) {
            LOG.warn("Refused picture reference outside the image folder: {}", reference);
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            LOG.warn("Could not read picture {}: {}", reference, e.toString());
            return Optional.empty();
        }
    }

    /** The folder the references are relative to. */
    public Path root() {
        return root;
    }

    /** Writes the pictures still waiting, then stops the writer thread. */
    @Override
    public void close() {
        Threads.shutdown(writer);
        pending.keySet().forEach(this::flush);
    }
}
