package com.boothdesk.app.store.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.staff.CashCount;
import com.boothdesk.app.domain.staff.Role;
import com.boothdesk.app.domain.staff.Shift;
import com.boothdesk.app.domain.staff.StaffException;
import com.boothdesk.app.domain.staff.StaffService;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.sdk.sim.CloudSimulator;
import com.boothdesk.sdk.sim.ReceivedUplink;

import picocli.CommandLine;

/**
 * The whole booth, the cloud simulator over the real link: the attendant on duty is the operator of the orders;
 * 2.4 (accounts), 2.5 (shift start and end) and the handover record arrive with their fields, in order, once; the
 * shift's report is written by {@code report shift}; no password or hash is ever logged.
 */
class ShiftsThroughTheBoothTest {

    static final Duration WAIT = RunningBooth.WAIT;
    static final String[] SECRETS = {"Admin-Secret-1", "Shift-Secret-A1", "Shift-Secret-A2"};

    @TempDir
    Path data;
    RunningBooth booth;
    BoothApp app;
    CloudSimulator cloud;
    StaffService staff;
    final List<String> logged = new CopyOnWriteArrayList<>();
    AppenderBase<ILoggingEvent> capture;

    @BeforeEach
    void start() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                StringBuilder sb = new StringBuilder(e.getFormattedMessage());
                if (e.getThrowableProxy() != null) {
                    sb.append(' ').append(e.getThrowableProxy().getMessage());
                }
                logged.add(sb.toString());
            }
        };
        capture.setContext(ctx);
        capture.start();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(capture);
        booth = RunningBooth.start(data);
        app = booth.app;
        cloud = booth.cloud();
        staff = app.staff().service();
    }

    @AfterEach
    void stop() {
        booth.close();
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .detachAppender(capture);
    }

    @Test
    void aDayOfTwoShiftsReachesTheCloudAndThePaper() throws Exception {
        // before the booth is set up, the configured booth.operator; after, nobody until someone logs in
        assertThat(app.staff().operator().get()).isEqualTo("demo");
        staff.createFirstAdmin("admin", "站长", SECRETS[0].toCharArray());
        assertThat(app.staff().operator().get()).isNull();
        staff.login("admin", SECRETS[0].toCharArray());
        staff.createAccount("admin", "a1", "小王", 1, Role.ATTENDANT, SECRETS[1].toCharArray());
        staff.createAccount("admin", "a2", "小李", 2, Role.ATTENDANT, SECRETS[2].toCharArray());
        staff.handover(null, "", null, null);

        Shift first = staff.login("a1", SECRETS[1].toCharArray()).shift();
        assertThat(app.staff().operator().get()).isEqualTo("a1");
        String orderId = booth.enter("京A12345");
        booth.clock.advance(Duration.ofHours(3));
        booth.camera("SIM-CAM-B1").push("京A12345");
        await().atMost(WAIT).until(() -> app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT);
        app.lane("B1").settleCash(1000).get();
        assertThat(app.orders().find(orderId).orElseThrow().exitOperator()).isEqualTo("a1");
        staff.refreshDuty();
        assertThat(staff.duty().get().receivedFen()).isEqualTo(700);

        // a wrong password of the incoming attendant changes nothing
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> staff.handover(CashCount.total(700), "", "a2", "not-it".toCharArray()))
                .isInstanceOfSatisfying(StaffException.class, e -> assertThat(e.key())
                        .isEqualTo("staff.login.wrong_left"));
        assertThat(staff.currentShift().orElseThrow().shiftId()).isEqualTo(first.shiftId());
        booth.clock.advance(Duration.ofMinutes(5));
        staff.handover(CashCount.total(650), "少 0.50 元", "a2", SECRETS[2].toCharArray());
        Shift second = staff.currentShift().orElseThrow();
        assertThat(second.userId()).isEqualTo("a2");
        booth.clock.advance(Duration.ofHours(1));
        staff.handover(CashCount.total(0), "", null, null);

        await().atMost(WAIT).until(() -> cloud.received("work_record").size() == 6
                && cloud.received("upload_shift_handover").size() == 3
                && cloud.received("upload_collector").size() == 3);
        // 2.4: admin, a1, a2, each once, with the documented fields
        List<ReceivedUplink> collectors = cloud.received("upload_collector");
        assertThat(collectors).extracting(u -> u.data().path("user_id").asText()).containsExactly("admin", "a1", "a2");
        assertThat(collectors.get(1).data().path("name").asText()).isEqualTo("小王");
        assertThat(collectors).allSatisfy(u -> {
            assertThat(u.signValid()).isTrue();
            assertThat(u.data().path("operate_type").asInt()).isEqualTo(1);
            assertThat(u.data().has("create_time")).isTrue();
            assertThat(u.data().path("data_target").asText()).isEqualTo("cloud");
        });
        // 2.5: on/off for admin, a1, a2 in order, each once; the handover record between a1's off and a2's on
        List<String> order = cloud.received().stream()
                .filter(u -> u.serviceName().equals("work_record") || u.serviceName().equals("upload_shift_handover"))
                .map(u -> u.serviceName() + ":" + u.data().path("user_id").asText() + ":"
                        + u.data().path("state").asText(""))
                .toList();
        assertThat(order).containsExactly("work_record:admin:0", "work_record:admin:1",
                "upload_shift_handover:admin:", "work_record:a1:0", "work_record:a1:1", "upload_shift_handover:a1:",
                "work_record:a2:0", "work_record:a2:1", "upload_shift_handover:a2:");
        ReceivedUplink on = cloud.received("work_record").get(2);
        assertThat(on.data().path("uuid").asText()).isEqualTo(first.shiftId());
        assertThat(on.data().path("work_station_uuid").asText()).isEqualTo(app.config().boothId());
        assertThat(on.data().path("start_time").asLong()).isEqualTo(first.startedAt().getEpochSecond());
        ReceivedUplink off = cloud.received("work_record").get(3);
        assertThat(off.data().path("end_time").asLong()).isGreaterThan(off.data().path("start_time").asLong());
        ReceivedUplink handover = cloud.received("upload_shift_handover").get(1);
        assertThat(handover.data().path("uuid").asText()).isEqualTo(first.shiftId());
        assertThat(handover.data().path("cash_pay").asText()).isEqualTo("7.00");
        assertThat(handover.data().path("counted_cash").asText()).isEqualTo("6.50");
        assertThat(handover.data().path("cash_diff").asText()).isEqualTo("-0.50");
        assertThat(handover.data().path("remark").asText()).isEqualTo("少 0.50 元");
        assertThat(handover.data().path("next_user_id").asText()).isEqualTo("a2");
        assertThat(handover.data().path("out_count").asInt()).isEqualTo(1);
        assertThat(cloud.duplicateCount()).isZero();
        // the out_park of the exit carries the attendant
        await().atMost(WAIT).until(() -> cloud.received("out_park").size() == 1);
        assertThat(cloud.received("out_park").get(0).data().path("out_uid").asText()).isEqualTo("a1");

        // the report of the first shift, from the command line, while the booth is stopped
        booth.close();
        Path pdf = data.resolve("reports/first.pdf");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new com.boothdesk.app.cli.ReportCommand()).setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err)).execute("shift", "--id", first.shiftId(), "--pdf", pdf.toString(),
                        "--data", data.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains(first.shiftId(), "应收 7.00", "现金 7.00");
        assertThat(Files.size(pdf)).isGreaterThan(1000);
        StringWriter again = new StringWriter();
        assertThat(new CommandLine(new com.boothdesk.app.cli.ReportCommand()).setOut(new PrintWriter(again))
                .execute("shift", "--last", "--pdf", data.resolve("reports/last.pdf").toString(), "--data",
                        data.toString())).isZero();
        assertThat(again.toString()).contains(second.shiftId(), "小李(a2)");

        // no password, no hash in any log line
        String all = String.join("\n", logged);
        assertThat(all).contains("logged in");
        for (String s : SECRETS) {
            assertThat(all).doesNotContain(s);
        }
        assertThat(all).doesNotContain("pbkdf2-sha256$");
        Path logs = data.resolve("logs");
        if (Files.isDirectory(logs)) {
            try (var files = Files.walk(logs)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(f);
                    for (String s : SECRETS) {
                        assertThat(text).doesNotContain(s);
                    }
                }
            }
        }
    }
}
