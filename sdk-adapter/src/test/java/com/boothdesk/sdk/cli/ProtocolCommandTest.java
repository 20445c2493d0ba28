package com.boothdesk.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProtocolCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out) {
    }

    static Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new ProtocolCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        if (stdin != null) {
            CommandLine validate = cl.getSubcommands().get("validate");
            ((ProtocolCommand.Validate) validate.getCommand()).stdin =
                    new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        }
        int exit = cl.execute(args);
        return new Run(exit, out.toString());
    }

    @Test
    void validatePrintsTheParsedMessageAndExitsZero() throws Exception {
        Path f = dir.resolve("in.json");
        Files.writeString(f, "{\"service_name\":\"in_park\",\"car_number\":\"京GH0093\",\"in_time\":1490875218,"
                + "\"car_type\":\"大车\",\"c_type\":\"通道扫牌\",\"uid\":\"325101\",\"order_id\":\"325101\","
                + "\"empty_plot\":20,\"in_channel_id\":\"A1\",\"worksite_id\":23}", StandardCharsets.UTF_8);
        Run r = run(null, "validate", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("service_name: in_park").contains("direction:    uplink (2.1 车辆入场")
                .contains("target:       both").contains("car_number = \"京GH0093\"  [String]")
                .contains("violations:   none").contains("VALID");
    }

    @Test
    void validateFromStdinListsEveryViolationAndExitsOne() {
        Run r = run("{\"service_name\":\"query_order\",\"order_id\":\"" + "x".repeat(50) + "\",\"time_temp\":\"abc\"}",
                "validate", "-");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("ERROR data_target: required, must be bolink (value: absent)")
                .contains("ERROR order_id: max length 48").contains("ERROR time_temp: type Number (value: \"abc\")")
                .contains("INVALID (3 error(s))");
    }

    @Test
    void validateUnwrapsWireEnvelopesAndReadsOneMessagePerLine() throws Exception {
        Path f = dir.resolve("wire.log");
        Files.writeString(f, "{\"service_name\":\"login\",\"sign\":\"15E3DF039F5A02BB1A17316976DE8A51\",\"data\":"
                + "{\"union_id\":\"200128\",\"park_id\":\"24155\",\"local_id\":\"c61562ee71b6_2.1.0.0\","
                + "\"version\":\"2.1.0.0\"}}\n\n{\"service_name\":\"outpark\", broken\n"
                + "{\"service_name\":\"mystery\",\"a\":1}\n", StandardCharsets.UTF_8);
        Run r = run(null, "validate", f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("--- line 1").contains("service_name: login").contains("(1.1 登录")
                .contains("--- line 3").contains("ERROR malformed JSON")
                .contains("--- line 4").contains("not in the catalogue");
    }

    @Test
    void listPrintsTheCatalogueWithCoverage() {
        Run r = run(null, "list");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("2.19  query_order").contains("3.44  fixed_charge").contains("7.7")
                .containsPattern("\\d+ entries: \\d+ known, \\d+ partial .*\\d+ fields unknown");
        Run md = run(null, "list", "--markdown");
        assertThat(md.out()).contains("| ToC | service_name |").contains("| 2.22 | (unknown) | UP | bolink | fields unknown");
    }

    @Test
    void missingFileIsAClearErrorNotAStackTrace() {
        Run r = run(null, "validate", dir.resolve("nope.json").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("cannot read").doesNotContain("Exception");
    }
}
