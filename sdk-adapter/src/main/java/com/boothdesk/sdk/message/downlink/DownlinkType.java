package com.boothdesk.sdk.message.downlink;

import java.util.Objects;

import com.boothdesk.sdk.protocol.ServiceName;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A downlink's name with the reader that turns its JSON into the typed record: what a handler registers for, so one
 * line ({@code router.on(MonthCardPay.TYPE, this::renew)}) says both which message and which record it gets.
 *
 * @param name   the service_name
 * @param reader tolerant reading; throws {@link com.boothdesk.sdk.message.MessageValidationException} (or
 *               {@link IllegalArgumentException}) naming the field when a required one is missing or unreadable
 * @param <T>    the record
 */
public record DownlinkType<T>(ServiceName name, Reader<T> reader) {

    /** Reads the record from the downlink's JSON (the whole message, envelope and data included). */
    @FunctionalInterface
    public interface Reader<T> {
        T read(DownlinkFields downlink);
    }

    public DownlinkType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reader, "reader");
        if (!name.isDownlink()) {
            throw new IllegalArgumentException(name.wire() + " is not a downlink");
        }
    }

    public static <T> DownlinkType<T> of(ServiceName name, Reader<T> reader) {
        return new DownlinkType<>(name, reader);
    }

    /** The downlink as it came, for a handler that reads the JSON itself (a message the notes barely describe). */
    public static DownlinkType<RawDownlink> raw(ServiceName name) {
        return new DownlinkType<>(name, in -> new RawDownlink(name, in));
    }
}
