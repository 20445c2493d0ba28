package com.boothdesk.app.cloud;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.order.OrderRepository;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.JdbcParkSpaces;

/**
 * The protocol half's wiring, called from {@code BoothApp} with one line: the park downlinks (3.10, 3.11, 3.17,
 * 3.22, 3.26, 3.30, 3.34, 3.35, 3.38, 3.40) and 3.13 on the lanes on the router, and the free-space count for
 * re-sent 2.1 uplinks.
 */
public final class ProtocolModule {

    private final ParkDownlinks park;
    private final CloudBridge bridge;

    private ProtocolModule(ParkDownlinks park, CloudBridge bridge) {
        this.park = park;
        this.bridge = bridge;
    }

    /** proto4: the cloud's answers to the uplinks named {@code serviceName} sent through the outbox (2.44). */
    public void onReply(String serviceName, java.util.function.BiConsumer<com.boothdesk.sdk.outbox.OutboxEntry,
            com.fasterxml.jackson.databind.node.ObjectNode> listener) {
        bridge.onReply(serviceName, listener);
    }

    public static ProtocolModule install(Database db, OrderRepository orders, Map<String, LaneController> lanes,
                                         JdbcParkSpaces spaces, CloudBridge bridge, DownlinkRouter router,
                                         ZoneId zone, Clock clock) {
        ParkDownlinks park = new ParkDownlinks(db, orders, lanes, spaces, zone, clock);
        park.register(router);
        // proto4: 3.13 names and maps the lanes (the channels kept from earlier syncs at once)
        com.boothdesk.app.cloud.sync.ListSync.registerGateSync(router, db, zone, clock,
                new LaneChannels(lanes).applyKept(db));
        bridge.freeSpaces(spaces::free);
        return new ProtocolModule(park, bridge);
    }

    /** The park downlinks (3.35 validity, 3.22 pass-through journal). */
    public ParkDownlinks park() {
        return park;
    }

    /** The park's validity (3.35) when it ends within a week or has ended; empty otherwise. */
    public Optional<ParkDownlinks.Validity> validity() {
        return park.validity();
    }

    /** The header's warning when the park's validity (3.35) ends within a week. */
    public Optional<String> validityWarning() {
        return park.validityWarning();
    }
}
