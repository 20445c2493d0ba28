package com.boothdesk.sdk.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One uplink the simulator accepted (or, in {@link CloudSimulator#rejected()}, refused).
 *
 * @param serviceName its service_name
 * @param token       the token it carried
 * @param sign        the sign it carried
 * @param signValid   whether the sign matched the data and the secret
 * @param data        the envelope's data object (business fields, including data_target)
 * @param at          when it arrived
 */
public record ReceivedUplink(String serviceName, String token, String sign, boolean signValid, ObjectNode data,
                             Instant at) {
}
