package com.boothdesk.app.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.sdk.protocol.ServiceName;

class ProtocolCoverageTest {

    @TempDir
    Path data;

    /** The file in the repository is what the booth's registrations produce. */
    @Test
    void theCommittedCoverageFileIsCurrent() throws Exception {
        Path file = repoRoot().resolve("PROTOCOL-COVERAGE.md");
        String expected = ProtocolCoverage.ofThisBooth().markdown();
        assertThat(Files.exists(file)).as("PROTOCOL-COVERAGE.md exists: ./boothdesk protocol list --markdown "
                + "> PROTOCOL-COVERAGE.md").isTrue();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("PROTOCOL-COVERAGE.md is stale: regenerate with ./boothdesk protocol list --markdown "
                        + "> PROTOCOL-COVERAGE.md").isEqualTo(expected);
    }

    /** The coverage's own router registers exactly what the running booth registers, the same way. */
    @Test
    void theCoverageRouterIsTheRunningBooths() {
        try (RunningBooth booth = RunningBooth.start(data)) {
            Map<ServiceName, DownlinkRouter.Handling> running = booth.app.downlinks().registrations().entrySet()
                    .stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().handling()));
            Path dir = data.resolve("dry");
            try (var db = com.boothdesk.app.store.Database.open(dir)) {
                DownlinkRouter dry = ProtocolCoverage.registerAll(db);
                assertThat(dry.registrations().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().handling()))).isEqualTo(running);
                assertThat(dry.unnamedRegistrations().keySet())
                        .isEqualTo(booth.app.downlinks().unnamedRegistrations().keySet());
            }
        }
    }

    @Test
    void everyDownlinkIsEffectAnsweredOrRefusedAndTheCountsAddUp() {
        ProtocolCoverage c = ProtocolCoverage.ofThisBooth();
        assertThat(c.rows()).hasSize(com.boothdesk.sdk.protocol.Catalogue.get().entries().size());
        assertThat(c.count("3").values().stream().mapToLong(Long::longValue).sum()).isEqualTo(44);
        assertThat(c.rows().stream().filter(r -> r.spec().toc().equals("3.10")).findFirst().orElseThrow()
                .handling()).isEqualTo(ProtocolCoverage.Handling.EFFECT);
        assertThat(c.rows().stream().filter(r -> r.spec().toc().equals("3.5")).findFirst().orElseThrow()
                .handling()).isEqualTo(ProtocolCoverage.Handling.ANSWERED);
        assertThat(c.rows().stream().filter(r -> r.spec().toc().equals("2.17")).findFirst().orElseThrow()
                .handling()).isEqualTo(ProtocolCoverage.Handling.SENT);
        assertThat(c.text()).contains("downlinks (section 3): 44 entries");
    }

    /** proto4: every downlink the notes describe has an effect or is answered as they say; none is refused. */
    @Test
    void noDownlinkTheNotesDescribeIsRefused() {
        ProtocolCoverage c = ProtocolCoverage.ofThisBooth();
        assertThat(c.count("3").get(ProtocolCoverage.Handling.REFUSED)).isZero();
        for (String toc : java.util.List.of("3.8", "3.13", "3.44")) {
            assertThat(c.rows().stream().filter(r -> r.spec().toc().equals(toc)).findFirst().orElseThrow()
                    .handling()).as(toc).isEqualTo(ProtocolCoverage.Handling.EFFECT);
        }
        assertThat(c.rows().stream().filter(r -> r.spec().toc().equals("3.41")).findFirst().orElseThrow()
                .handling()).isEqualTo(ProtocolCoverage.Handling.NOT_IN_NOTES);
        assertThat(c.rows().stream().filter(r -> r.spec().toc().equals("2.44")).findFirst().orElseThrow()
                .handling()).isEqualTo(ProtocolCoverage.Handling.SENT);
        assertThat(c.summary()).contains("downlinks (section 3): 44 entries, 42 effect, 1 answered only, "
                + "1 not in the notes");
    }

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("PROTOCOL-COVERAGE.md")) && !Files.exists(p.resolve("mvnw"))) {
            p = p.getParent();
        }
        return p;
    }
}
