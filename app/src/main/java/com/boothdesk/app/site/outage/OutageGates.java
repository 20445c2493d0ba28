package com.boothdesk.app.site.outage;

import java.util.List;

import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.gate.GateEventLog;

/** Gate events: the site's log while up, the local journal while down (in order with the stays). */
public final class OutageGates implements GateEventLog {

    private final GateEventLog site;
    private final SiteOutage outage;

    public OutageGates(GateEventLog site, SiteOutage outage) {
        this.site = site;
        this.outage = outage;
    }

    @Override
    public long record(GateEvent event) {
        return outage.route(() -> site.record(event), () -> {
            outage.journal().append(OutageJournal.Kind.GATE, event.orderId(), event.at(), OutageCodec.gate(event));
            return 0L;
        });
    }

    @Override
    public List<GateEvent> recent(int limit) {
        return outage.read(() -> site.recent(limit), List::of);
    }
}
