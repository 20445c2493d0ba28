package com.boothdesk.app;

/**
 * The booth-wide facts the header shows.
 *
 * @param cloud         link state name (STOPPED, CONNECTING, LOGGED_IN, DOWN)
 * @param outboxPending uplinks stored but not yet acknowledged by the cloud
 * @param inLot         cars in the lot
 * @param freeSpaces    remaining spaces
 * @param operator      attendant on duty
 */
public record BoothStatus(String cloud, int outboxPending, int inLot, int freeSpaces, String operator) {
}
