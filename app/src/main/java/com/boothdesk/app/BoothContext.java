package com.boothdesk.app;

import java.time.Clock;
import java.util.List;

import com.boothdesk.app.common.Observable;
import com.boothdesk.app.domain.lane.ImageStore;
import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.ui.Messages;

/** What the booth window needs from the running application. */
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
}
