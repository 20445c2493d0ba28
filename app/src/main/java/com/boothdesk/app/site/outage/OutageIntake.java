package com.boothdesk.app.site.outage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.boothdesk.app.domain.lane.IntakeJournal;
import com.boothdesk.app.domain.lane.PlateRead;

/**
 * The camera reads' journal: the site's {@code intake_journal} while up, the local journal's {@code outage_intake}
 * while down (durable before the camera is answered, as always). A read is settled where it was written.
 */
public final class OutageIntake implements IntakeJournal {

    private final IntakeJournal site;
    private final SiteOutage outage;
    private final java.time.Clock clock;

    public OutageIntake(IntakeJournal site, SiteOutage outage, java.time.Clock clock) {
        this.site = site;
        this.outage = outage;
        this.clock = clock;
    }

    @Override
    public long record(PlateRead read, boolean offline, Instant receivedAt) {
        return outage.route(() -> site.record(read, offline, receivedAt),
                () -> outage.journal().recordRead(read, offline, receivedAt));
    }

    @Override
    public void settle(long id, String outcome) {
        if (id >= OutageJournal.LOCAL_INTAKE_BASE) {
            outage.journal().settleRead(id);
            return;
        }
        if (id >= 0) {
            // a read written to the site journal before the outage, decided during it: settled there at the replay
            outage.route(() -> {
                site.settle(id, outcome);
                return null;
            }, () -> outage.journal().append(OutageJournal.Kind.SETTLE_READ, Long.toString(id),
                    clock.instant(), Long.toString(id)));
        }
    }

    @Override
    public List<Entry> pending(String laneId) {
        List<Entry> out = new ArrayList<>(outage.read(() -> site.pending(laneId), List::of));
        out.addAll(outage.journal().pendingReads(laneId));
        return out;
    }
}
