package com.boothdesk.sdk.outbox;

import java.time.Instant;

/**
 * One stored uplink.
 *
 * @param id            sequence number (delivery order within an order key)
 * @param serviceName   its {@code service_name}
 * @param dataTarget    its {@code data_target} (null for in_park / out_park, which go to both platforms)
 * @param orderKey      the ordering key (usually the order_id); null = no ordering constraint
 * @param json          the flat uplink exactly as it is sent
 * @param status        delivery state
 * @param attempts      how many times it was written to the link
 * @param createdAt     when it was stored
 * @param nextAttemptAt earliest next delivery attempt
 * @param lastError     why the last attempt failed (null if none)
 */
public record OutboxEntry(long id, String serviceName, String dataTarget, String orderKey, String json,
                          DeliveryStatus status, int attempts, Instant createdAt, Instant nextAttemptAt,
                          String lastError) {
}
