package com.boothdesk.devices.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short run of the benchmark harness so it cannot rot: every push must produce a gate frame at the card. */
class PushToGateBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void shortRunCompletesWithPlausibleFigures() throws Exception {
        PushToGateBenchmark.Result r = PushToGateBenchmark.run(200, false, dir);
        assertThat(r.pushes()).isEqualTo(200);
        assertThat(r.p50WrittenUs()).isPositive().isLessThanOrEqualTo(r.p99WrittenUs());
        // "written" is taken when write() returns, and the card's reader may decode the frame before that: the two
        // figures are not ordered, each is only bounded
        assertThat(r.p50ArrivedUs()).isPositive().isLessThanOrEqualTo(r.p99ArrivedUs());
        assertThat(r.p99ArrivedUs()).isLessThan(1_000_000); // a gate frame more than 1 s late would be a failure
        assertThat(r.toString()).startsWith("Device layer only");
    }

    @Test
    void pacedRunWithAnLedTextInProgressMeasuresWireTime() throws Exception {
        PushToGateBenchmark.Result r = PushToGateBenchmark.run(12, false, dir.resolve("paced"), 9600);
        assertThat(r.pushes()).isEqualTo(12);
        // a 14-byte frame cannot be on the card sooner than its wire time at 9600 baud
        assertThat(r.p50ArrivedUs()).isGreaterThanOrEqualTo(14_583);
        assertThat(r.p99ArrivedUs()).isLessThan(1_000_000);
        assertThat(r.toString()).contains("paced at 9600 baud");
    }
}
