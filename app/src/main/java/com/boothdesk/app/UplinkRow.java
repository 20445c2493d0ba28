package com.boothdesk.app;

import java.time.Instant;

/**
 * One message for the cloud as the booth screen lists it: what it is, which stay it belongs to, and how far its
 * delivery got (PENDING, SENT, ACKNOWLEDGED, FAILED with the reason).
 */
public record UplinkRow(long id, String serviceName, String key, String status, int attempts, Instant createdAt,
                        String lastError) {
}
