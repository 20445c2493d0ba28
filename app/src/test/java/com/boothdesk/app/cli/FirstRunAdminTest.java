package com.boothdesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's admin hook opens the site's own database: the admin made there is the booth's first admin. */
class FirstRunAdminTest {

    @TempDir
    Path data;

    @Test
    void theAdminMadeThroughTheWizardsStoreIsTheBoothsAdminAndThereIsNoSecondOne() {
        AtomicBoolean neededBefore = new AtomicBoolean();
        FirstRun.withStaff(data, (staff, messages) -> {
            neededBefore.set(staff.needsFirstAdmin());
            staff.createFirstAdmin("boss", "站长", "boss-secret-1".toCharArray());
            assertThat(messages.get("staff.admin.title")).isEqualTo("创建首个管理员");
        });
        assertThat(neededBefore).isTrue();
        FirstRun.withStaff(data, (staff, messages) -> {
            assertThat(staff.needsFirstAdmin()).as("stored in data/db, as the booth reads it").isFalse();
            assertThat(staff.authenticate("boss", "boss-secret-1".toCharArray()).userId()).isEqualTo("boss");
        });
    }
}
