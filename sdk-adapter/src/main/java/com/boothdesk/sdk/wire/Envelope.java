package com.boothdesk.sdk.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One uplink as it travels on the TCP link: {@code {"service_name","sign","token","data":{...}}}.
 *
 * @param serviceName the {@code service_name}
 * @param sign        the {@code sign} as received (may be null when absent)
 * @param token       the {@code token} (null for {@code login})
 * @param rawData     the exact text of the {@code data} object, the input of {@link Sign}
 * @param data        the parsed {@code data} object
 */
public record Envelope(String serviceName, String sign, String token, String rawData, ObjectNode data) {
}
