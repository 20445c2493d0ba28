package com.boothdesk.app.cloud;

import com.boothdesk.sdk.message.downlink.DownlinkReply;

/**
 * The part of the booth that acts on one kind of downlink: gets the typed record, does what the message asks and
 * returns the answer. It may throw: {@link DownlinkRouter} catches every failure in one place and answers state 0.
 *
 * @param <T> the downlink's record
 */
@FunctionalInterface
public interface DownlinkHandler<T> {

    DownlinkReply handle(T message);
}
