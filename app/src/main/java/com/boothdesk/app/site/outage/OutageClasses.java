package com.boothdesk.app.site.outage;

import java.time.Instant;
import java.util.List;

import com.boothdesk.app.domain.lane.PlateRead;
import com.boothdesk.app.domain.lane.VehicleClasses;
import com.boothdesk.app.domain.lists.PlateStatus;

/** The fee class at entry: when the cloud's car type cannot be read (server down), decided without it. */
public final class OutageClasses implements VehicleClasses {

    private final VehicleClasses site;
    private final SiteOutage outage;

    public OutageClasses(VehicleClasses site, SiteOutage outage) {
        this.site = site;
        this.outage = outage;
    }

    @Override
    public String atEntry(PlateRead read, PlateStatus status) {
        return outage.read(() -> site.atEntry(read, status), () -> site.atEntry(read, null));
    }

    @Override
    public List<Choice> choices(Instant at) {
        return site.choices(at);
    }
}
