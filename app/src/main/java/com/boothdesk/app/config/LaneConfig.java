package com.boothdesk.app.config;

import com.boothdesk.app.domain.lane.LaneInfo;

/**
 * One lane's configuration.
 *
 * @param camera      the lane camera's serialno or ipaddr as it appears in its pushes
 * @param cardPort    {@code sim} for a simulated card on a pseudo-terminal, else a serial port name or path
 * @param cardAddress the LED/gate card's bus address (0-255)
 */
public record LaneConfig(LaneInfo lane, String camera, String cardPort, int cardAddress, int cardBaud) {

    public boolean simulatedCard() {
        return "sim".equalsIgnoreCase(cardPort);
    }
}
