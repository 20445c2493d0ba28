package com.boothdesk.sdk.message.downlink;

import com.boothdesk.sdk.protocol.ServiceName;

/**
 * A downlink read field by field by its handler: for messages whose fields the notes barely give (3.22
 * pass_through, 3.26) and for handlers not yet moved onto a record.
 *
 * @param name   its service_name
 * @param fields tolerant access to its fields
 */
public record RawDownlink(ServiceName name, DownlinkFields fields) {
}
