package com.boothdesk.devices.card;

/** A frame whose DATA does not match the layout of its command (or whose command is unknown). */
public class CardFormatException extends Exception {
    public CardFormatException(String message) {
        super(message);
    }
}
