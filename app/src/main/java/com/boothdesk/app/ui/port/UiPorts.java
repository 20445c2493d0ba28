package com.boothdesk.app.ui.port;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import com.boothdesk.app.BoothContext;
import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.staff.StaffService;
import com.boothdesk.app.ui.Messages;

/**
 * Everything the booth screen gets from the application, as narrow ports: one per lane, the status feed, the uplink
 * queries and the space adjustments, plus text, the clock and where the site's editable files live.
 *
 * @param siteDir the data folder, where a site may put its own {@code keymap.properties} / {@code reasons.properties}
 * @param staff   accounts, log-in, shifts and supervisor confirmation; {@code null} for a screen without them (the
 *                lane screen's own tests): no log-in screen, no handover, no supervisor dialog
 * @param demo    the demo site: with no admin yet the first-admin screen is offered, never forced
 * @param about   the About box's lines (version, build, protocol, data folder)
 * @param reports the shift reports printed after a handover; {@code null} without accounts
 * @param opsAlerts clock drift, low disk, upgrade notices for the header (shiftops); {@code null}: none
 */
public record UiPorts(Messages messages, Clock clock, List<LanePort> lanes, StatusFeed status, UplinkQueries uplinks,
                      SpaceAdjustments spaces, Path siteDir, StaffService staff, boolean demo, List<String> about,
                      com.boothdesk.app.report.ShiftReports reports,
                      com.boothdesk.app.common.Observable<List<com.boothdesk.app.ops.OpsAlert>> opsAlerts) {

    public UiPorts {
        lanes = List.copyOf(lanes);
        about = about == null ? List.of() : List.copyOf(about);
    }

    /** Without operations alerts. */
    public UiPorts(Messages messages, Clock clock, List<LanePort> lanes, StatusFeed status, UplinkQueries uplinks,
                   SpaceAdjustments spaces, Path siteDir, StaffService staff, boolean demo, List<String> about,
                   com.boothdesk.app.report.ShiftReports reports) {
        this(messages, clock, lanes, status, uplinks, spaces, siteDir, staff, demo, about, reports, null);
    }

    /** A screen without accounts and shifts (the lanes only). */
    public UiPorts(Messages messages, Clock clock, List<LanePort> lanes, StatusFeed status, UplinkQueries uplinks,
                   SpaceAdjustments spaces, Path siteDir) {
        this(messages, clock, lanes, status, uplinks, spaces, siteDir, null, true, List.of(), null);
    }

    /** The ports of the running application (the composition root's context). */
    public static UiPorts of(BoothContext ctx) {
        List<LanePort> lanes = ctx.lanes().stream()
                .map((LaneController c) -> (LanePort) new ControllerLanePort(c, ctx.echo(c.lane().id()), ctx.images()))
                .toList();
        var spaces = ctx.spaces();
        SpaceAdjustments adjust = new SpaceAdjustments() {
            @Override
            public List<String> areas() {
                return List.copyOf(spaces.areas());
            }

            @Override
            public int free(String area) {
                return spaces.free(area);
            }

            @Override
            public int adjust(String area, int delta, String reason) {
                spaces.adjust(area, delta, reason, ctx.operator());
                return spaces.free(area);
            }
        };
        StaffService staff = null;
        boolean demo = true;
        List<String> about = List.of();
        com.boothdesk.app.report.ShiftReports reports = null;
        com.boothdesk.app.common.Observable<List<com.boothdesk.app.ops.OpsAlert>> opsAlerts = null;
        if (ctx instanceof com.boothdesk.app.BoothApp app) {
            opsAlerts = app.ops() == null ? null : app.ops().alerts();
            staff = app.staff() == null ? null : app.staff().service();
            reports = app.staff() == null ? null
                    : new com.boothdesk.app.report.ShiftReports(app.staff().store(), app.config().boothId(), ctx.clock());
            demo = app.config().demo().enabled();
            about = com.boothdesk.app.ops.AboutInfo.of(ctx.siteDir()).lines();
        }
        if (ctx instanceof com.boothdesk.app.BoothApp app && app.payments() != null) { // pay: exit pay codes
            lanes = com.boothdesk.app.ui.pay.PayingLanePort.attach(lanes, app.payments().exits());
        }
        return new UiPorts(ctx.messages(), ctx.clock(), lanes, ctx::status, ctx::recentUplinks, adjust, ctx.siteDir(),
                staff, demo, about, reports, opsAlerts);
    }
}
