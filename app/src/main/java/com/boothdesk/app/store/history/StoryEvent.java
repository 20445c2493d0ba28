package com.boothdesk.app.store.history;

import java.time.Instant;

/**
 * One step of an order's story, in time order: its entry, payments, corrections, barrier movements, its exit and
 * every message for the cloud with its delivery state.
 *
 * @param kind   what it is
 * @param title  a short line (operator text, Chinese)
 * @param detail the rest: who, how much, the device's answer, the message's delivery state and last error
 * @param image  a picture reference of the image store, or null
 */
public record StoryEvent(Instant at, Kind kind, String title, String detail, String image) {

    public enum Kind { ENTRY, PAYMENT, CORRECTION, GATE, EXIT, CLOUD, PICTURE }
}
