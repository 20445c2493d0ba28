package com.boothdesk.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.domain.lane.LanePhase;

/** The benchmark measures what it says: each call is a real decision with the expected outcome. */
class ExitDecisionBenchmarkTest {

    @Test
    void everyMeasuredCallIsACompleteDecision() throws Exception {
        ExitDecisionBenchmark b = new ExitDecisionBenchmark();
        b.lot = 1000;
        b.setUp();
        try {
            for (int i = 0; i < 20; i++) {
                assertThat(b.exact()).isEqualTo(LanePhase.AWAITING_PAYMENT);
                assertThat(b.unmatched()).isEqualTo(LanePhase.AWAITING_MATCH);
            }
            assertThat(b.exit.state().get().candidates()).isNotEmpty();
        } finally {
            b.tearDown();
        }
    }
}
