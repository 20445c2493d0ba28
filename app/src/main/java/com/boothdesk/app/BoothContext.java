package com.boothdesk.app;

import java.time.Clock;
import java.util.List;

import com.boothdesk.app.common.Observable;
import com.boothdesk.app.domain.lane.ImageStore;
import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.ui.Messages;

/**
 * What the composition root hands to the booth screen. The screen never uses it directly: {@code ui.port.UiPorts.of}
 * cuts it into narrow ports (one per lane, status feed, uplink queries, space adjustments) and each view-model gets
 * only the port it needs.
 */
public interface BoothContext {

    Messages messages();

    List<LaneController> lanes();

    Observable<BoothStatus> status();

    /** What the lane's LED and voice are doing. */
    Observable<LaneEcho> echo(String laneId);

    ImageStore images();

    Clock clock();

    /** The newest messages for the cloud with their delivery state (reads the store; call off the FX thread). */
    List<UplinkRow> recentUplinks(int limit);

    /** The lot's areas and their remaining spaces, which the attendant may correct. */
    com.boothdesk.app.domain.lane.ParkSpaces spaces();

    /** The attendant on duty. */
    String operator();

    /** The data folder, where a site may keep its own keymap.properties and reasons.properties. */
    default java.nio.file.Path siteDir() {
        return java.nio.file.Path.of("data");
    }
}
