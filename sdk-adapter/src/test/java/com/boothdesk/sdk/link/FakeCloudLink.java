package com.boothdesk.sdk.link;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/** In-memory link for schedule tests: records every send and answers with a configurable function. */
public final class FakeCloudLink implements CloudLink {

    public final List<ObjectNode> sent = new CopyOnWriteArrayList<>();
    public volatile Function<ObjectNode, ObjectNode> responder = u -> null;
    public volatile LinkStatus status = LinkStatus.LOGGED_IN;
    private final List<Consumer<LinkStatus>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void start() {
    }

    @Override
    public LinkStatus status() {
        return status;
    }

    @Override
    public void addStatusListener(Consumer<LinkStatus> l) {
        listeners.add(l);
    }

    @Override
    public CompletableFuture<ObjectNode> send(ObjectNode uplink) {
        sent.add(uplink.deepCopy());
        ObjectNode r = responder.apply(uplink);
        return r == null ? CompletableFuture.failedFuture(new LinkDownException("no answer"))
                : CompletableFuture.completedFuture(r);
    }

    @Override
    public void setDownlinkHandler(Function<ObjectNode, ObjectNode> handler) {
    }

    @Override
    public void close() {
    }
}
