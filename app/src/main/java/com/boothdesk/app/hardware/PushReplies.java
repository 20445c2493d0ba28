package com.boothdesk.app.hardware;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For lanes whose barrier is on the camera's relay: while the camera waits for the answer to its push, the lane's
 * open goes out in that very reply ({@code "info":"ok"}) instead of waiting for the camera's next request. The HTTP
 * thread opens a slot, the lane offers the open into it, and the HTTP thread closes it when it answers, and the open
 * counts once the server reports the reply written to the camera; an offer after the close is refused (the open then goes with the next heartbeat, or is dropped as stale).
 */
public final class PushReplies {

    private final Map<String, Slot> open = new ConcurrentHashMap<>();

    /** One push waiting for its reply. */
    public static final class Slot {
        private final CompletableFuture<Void> openRequested = new CompletableFuture<>();
        private final CompletableFuture<Boolean> written = new CompletableFuture<>();
        private boolean closed;
        private boolean gate;

        /** The lane wants the barrier open: true when it will go out in this push's reply. */
        synchronized boolean offerOpen() {
            if (closed) {
                return false;
            }
            gate = true;
            openRequested.complete(null);
            return true;
        }

        /** The HTTP thread answers now: true when the reply must open the barrier. No offer is taken after. */
        synchronized boolean close() {
            closed = true;
            return gate;
        }

        CompletableFuture<Void> openRequested() {
            return openRequested;
        }

        /** The server wrote the reply with the open to the camera ({@code true}), or could not. */
        void written(boolean sent) {
            written.complete(sent);
        }

    }

    Slot begin(String laneId) {
        Slot s = new Slot();
        open.put(laneId, s);
        return s;
    }

    void end(String laneId, Slot s) {
        open.remove(laneId, s);
    }

    /**
     * The lane's open, put into the reply of the push being answered: completes true once that reply was written to
     * the camera, false if it could not be; null when no push of this lane is being answered (queue it instead).
     */
    CompletableFuture<Boolean> offerOpen(String laneId) {
        Slot s = open.get(laneId);
        return s != null && s.offerOpen() ? s.written : null;
    }
}
