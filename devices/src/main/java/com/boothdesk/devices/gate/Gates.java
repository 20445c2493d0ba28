package com.boothdesk.devices.gate;

import com.boothdesk.devices.camera.PlateSource;
import com.boothdesk.devices.card.LaneCard;
import java.time.Clock;
import java.util.Objects;

/** Builds a lane's {@link GateController} from its configured {@link GateRoute}. */
public final class Gates {
    private Gates() {
    }

    /**
     * @param card the lane card (required for {@link GateRoute#CARD_RELAY})
     * @param cameras the plate source (required for {@link GateRoute#CAMERA_RELAY})
     * @param cameraSerial the serial number of the lane's camera (required for {@link GateRoute#CAMERA_RELAY})
     */
    public static GateController create(GateRoute route, LaneCard card, PlateSource cameras, String cameraSerial,
                                        Clock clock) {
        Objects.requireNonNull(route, "route");
        switch (route) {
            case CARD_RELAY:
                if (card == null) {
                    throw new IllegalArgumentException("gate route CARD_RELAY needs a lane card (serial port)");
                }
                return new CardRelayGate(card);
            case CAMERA_RELAY:
                if (cameras == null || cameraSerial == null || cameraSerial.isBlank()) {
                    throw new IllegalArgumentException("gate route CAMERA_RELAY needs the camera server and the "
                            + "lane camera's serial number");
                }
                // a camera adapter that drives its barrier itself (ISAPI, CGI, TCP ioctl) offers its own gate
                return cameras.gateFor(cameraSerial).orElseGet(() -> new CameraRelayGate(cameras, cameraSerial, clock));
            default:
                throw new IllegalArgumentException("unknown gate route " + route);
        }
    }
}
