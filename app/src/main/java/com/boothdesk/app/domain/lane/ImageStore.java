package com.boothdesk.app.domain.lane;

import java.util.Optional;

/** Keeps lane pictures (entry and exit evidence) and gives them back by reference. */
public interface ImageStore {

    /** Stores a JPEG and returns its reference, or empty when there was nothing to store or it failed (logged). */
    Optional<String> save(String name, byte[] jpeg);

    Optional<byte[]> load(String reference);
}
