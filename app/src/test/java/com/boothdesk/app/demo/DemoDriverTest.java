package com.boothdesk.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.testing.TestBooth;
import com.boothdesk.sdk.link.LinkStatus;

/**
 * The demo on its real parts (simulated cameras over HTTP, cards over ptys, the cloud simulator), headless with the
 * stand-in attendant: cars without a plate come and go, listed cars leave by themselves, and out_park reaches the
 * cloud.
 */
class DemoDriverTest {

    @TempDir
    Path data;

    @Test
    void aHeadlessDemoWithTheStandInAttendantShowsTheFlowsAndSendsOutPark() {
        try (BoothApp app = BoothApp.start(TestBooth.config(data, "demo.enabled", "true",
                "demo.entry_interval_seconds", "1", "demo.exit_interval_seconds", "1", "demo.auto_attendant", "true"),
                Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    app.cloudLink().orElseThrow().status() == LinkStatus.LOGGED_IN);
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertThat(app.cloudSimulator().orElseThrow().received("out_park")).isNotEmpty();
                assertThat(app.orders().recent(500)).anySatisfy(o -> {
                    assertThat(o.kind()).isEqualTo(CarKind.NO_PLATE);
                    assertThat(o.plate()).startsWith("无").hasSize(7);
                });
                assertThat(app.orders().recent(500)).anySatisfy(o -> {
                    assertThat(o.status()).isEqualTo(OrderStatus.CLOSED);
                    assertThat(o.exitImage()).isNotNull();
                });
                assertThat(app.orders().recent(500)).as("listed cars leave by themselves").anySatisfy(o -> {
                    assertThat(o.status()).isEqualTo(OrderStatus.CLOSED);
                    assertThat(o.kind()).isIn(CarKind.WHITE, CarKind.MONTHLY);
                });
                assertThat(app.orders().recent(500)).as("cash taken").anySatisfy(o ->
                        assertThat(o.paymentMethod()).isEqualTo(com.boothdesk.app.domain.order.PaymentMethod.CASH));
                assertThat(app.orders().recent(500)).as("paid by the exit QR code, released by itself")
                        .anySatisfy(o -> assertThat(o.paymentMethod())
                                .isEqualTo(com.boothdesk.app.domain.order.PaymentMethod.PREPAID));
            });
            assertThat(app.orders().recent(500)).noneSatisfy(o -> assertThat(o.plate()).isEqualTo("无"));
        }
    }
}
