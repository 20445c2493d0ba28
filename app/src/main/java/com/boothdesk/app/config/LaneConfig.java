package com.boothdesk.app.config;

import com.boothdesk.app.domain.lane.LaneInfo;

/**
 * One lane's configuration.
 *
 * @param camera      the lane camera's serialno or ipaddr as it appears in its pushes
 * @param cardPort    {@code sim} for a simulated card on a pseudo-terminal, else a serial port name or path
 * @param cardAddress the LED/gate card's bus address (0-255)
 * @param gate        which relay lifts the barrier: the card's (0x0F) or the camera's (HTTP reply)
 * @param snapshot    the lane's snapshot camera ({@code webcam}, {@code webcam:<name>}, an http(s) still-image
 *                    URL), or null: the lane camera's latest push is the picture
 * @param area        the parking area whose spaces the lane's cars take (see {@code park.areas})
 * @param cardParity  the card line's parity: none, odd or even (8 data bits, 1 stop bit)
 */
public record LaneConfig(LaneInfo lane, String camera, String cardPort, int cardAddress, int cardBaud,
                         GateRoute gate, String snapshot, String area, Parity cardParity) {

    /** Serial parity of the card line. */
    public enum Parity { NONE, ODD, EVEN }

    /** Which relay lifts the barrier. */
    public enum GateRoute { CARD, CAMERA }

    public boolean simulatedCard() {
        return "sim".equalsIgnoreCase(cardPort);
    }
}
