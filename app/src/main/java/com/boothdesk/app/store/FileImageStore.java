package com.boothdesk.app.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.lane.ImageStore;

/** Lane pictures as JPEG files under {@code <data>/images/<date>/}; the reference is the path below that folder. */
public final class FileImageStore implements ImageStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileImageStore.class);

    private final Path root;
    private final Clock clock;

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
        try {
            Path file = root.resolve(ref);
            Files.createDirectories(file.getParent());
            Files.write(file, jpeg);
            return Optional.of(ref);
        } catch (IOException e) {
            LOG.error("Could not store picture {} ({} bytes): {}", ref, jpeg.length, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public Optional<byte[]> load(String reference) {
        if (reference == null) {
            return Optional.empty();
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
}
