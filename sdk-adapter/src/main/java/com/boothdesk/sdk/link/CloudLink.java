package com.boothdesk.sdk.link;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The booth's connection to the parking cloud. Implementations: {@link TcpCloudLink} (wire-compatible with the real
 * server) and, when a site has the vendor's jar, a bridge to the vendor SDK.
 */
public interface CloudLink extends AutoCloseable {

    /** Connects in the background, logs in and keeps the link alive (heartbeat, reconnect). Returns at once. */
    void start();

    /** Current state. */
    LinkStatus status();

    /** Called on every state change, on a link-owned thread. */
    void addStatusListener(Consumer<LinkStatus> listener);

    /**
     * Sends one uplink (flat business object with service_name/data_target); completes with the cloud's reply
     * object (same service_name, matched by order_id or the message's key), exceptionally on timeout/link down.
     * Exceptional completions carry a {@link LinkDownException}, a {@link java.util.concurrent.TimeoutException} or
     * a {@link MessageRejectedException} (the message can never be sent as it is, e.g. too long).
     */
    CompletableFuture<ObjectNode> send(ObjectNode uplink);

    /**
     * Every downlink goes here; the returned object is the reply the link sends back (same service_name, echoed key,
     * state). Called on a link-owned thread, never the caller's. A handler that throws or returns null gets a
     * {@code state:0} reply sent on its behalf; missing {@code service_name}, key and {@code data_target} are filled in.
     */
    void setDownlinkHandler(Function<ObjectNode, ObjectNode> handler);

    /**
     * Called each time the link writes the answer to a downlink (the cloud counts those against the same per-token
     * rate limit as uplinks, so the outbox leaves room for them). Links that cannot tell ignore it.
     */
    default void addDownlinkAnswerListener(Runnable answered) {
    }

    /** Stops every thread and closes the connection. Pending sends fail with {@link LinkDownException}. */
    @Override
    void close();
}
