package com.boothdesk.devices.serial;

import java.util.function.Consumer;

/**
 * A narrow byte pipe to one serial port. One thread owned by the link reads the port; received chunks and state changes
 * are delivered in order on that thread, so receivers must be quick and must not block.
 */
public interface SerialLink extends AutoCloseable {

    /** A short human name for logs (usually the port path). */
    String name();

    /**
     * Opens the port and starts the reader thread. A link that loses its port later moves to
     * {@link LinkState#RECONNECTING} and reopens it by itself.
     *
     * @throws PortNotFoundException if the port does not exist
     * @throws PortBusyException if another process holds it or access is denied
     * @throws SerialIoException for any other failure
     */
    void open() throws SerialException;

    /**
     * Writes all bytes and returns once the driver accepted them.
     *
     * @throws SerialIoException if the link is not open or the write failed
     * @throws SerialTimeoutException if the driver did not accept everything in time
     */
    void write(byte[] bytes) throws SerialException;

    /**
     * True when each {@link #write} travels as one message (a frame handed to a camera for its RS485 port), not as
     * bytes on a line: a driver then writes every frame whole instead of pacing it in chunks.
     */
    default boolean framed() {
        return false;
    }

    /** Sets the single receiver of incoming chunks (replacing any previous one). Called on the link's thread. */
    void setReceiver(Consumer<byte[]> receiver);

    LinkState state();

    /** Adds a listener told about every state change, in order. */
    void addStateListener(Consumer<LinkState> listener);

    /** Stops the reader thread and closes the port. Idempotent; never throws. */
    @Override
    void close();
}
