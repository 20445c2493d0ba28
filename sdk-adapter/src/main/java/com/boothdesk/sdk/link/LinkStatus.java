package com.boothdesk.sdk.link;

/** State of a {@link CloudLink}. */
public enum LinkStatus {
    /** Not started, or closed. */
    STOPPED,
    /** Connecting or waiting for the login answer. */
    CONNECTING,
    /** Logged in: uplinks can be sent, downlinks arrive. */
    LOGGED_IN,
    /** Connection lost or refused; a reconnect is scheduled. */
    DOWN
}
