package com.boothdesk.app.domain.lane;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.gate.BarrierAction;
import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.gate.GateOutcome;
import com.boothdesk.app.domain.plate.SafeText;

/**
 * The barrier moved outside the ladders: the attendant's manual open, close, keep-open and its release, and the
 * cloud's remote lift (3.18). A reason is mandatory; a picture of the lane is taken before the command goes out; the
 * movement is recorded with who, why, the picture and what the device confirmed (an attendant's is reported as 2.11
 * upload_liftrod, with its picture, only when the barrier moved). What waits at the lane is left as it is.
 */
final class GateOverride {

    private static final Logger LOG = LoggerFactory.getLogger(LaneController.class);

    private final LaneCore core;

    GateOverride(LaneCore core) {
        this.core = core;
    }

    GateOutcome move(BarrierAction action, String operator, String reason, String orderId) {
        String why = LaneCore.requireReason(reason);
        Instant at = core.s.clock().instant();
        String image = core.evidence(at);
        GateOutcome outcome = core.gate(action, GateEvent.Cause.MANUAL, operator, orderId, why, image);
        LOG.info("Lane {}: barrier {} by hand by {} ({}){}: {} [{}]", core.lane.id(), action,
                SafeText.of(operator, 24), SafeText.of(why, 60), image == null ? ", no picture" : "",
                outcome.result(), Step.ATTENDANT);
        if (outcome.result() == GateOutcome.Result.UNSUPPORTED) {
            Decision d = Decision.of(Step.ATTENDANT, "lane.gate.unsupported", action.name());
            core.republish(d);
            throw new LaneException("lane.gate.unsupported", outcome.detail(), d.args());
        }
        if (!outcome.moved()) {
            Decision d = Decision.of(Step.ATTENDANT, "lane.gate.failed", core.lane.name(),
                    SafeText.of(outcome.detail(), 60));
            core.republish(d);
            throw new LaneException("lane.gate.failed", "the barrier did not confirm: " + outcome.detail(), d.args());
        }
        core.republish(Decision.of(Step.ATTENDANT, key(action), SafeText.of(operator, 24), why));
        return outcome;
    }

    static String key(BarrierAction action) {
        return switch (action) {
            case OPEN -> "lane.manual.open";
            case CLOSE -> "lane.manual.close";
            case KEEP_OPEN -> "lane.manual.keepopen";
            case RELEASE_KEEP_OPEN -> "lane.manual.release";
        };
    }
}
