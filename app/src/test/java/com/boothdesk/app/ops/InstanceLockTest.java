package com.boothdesk.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceLockTest {

    @TempDir
    Path data;

    @Test
    void aSecondHolderIsToldWhoRunsTheFolderAndTheFolderIsFreeAgainAfterClose() throws Exception {
        try (InstanceLock first = InstanceLock.acquire(data)) {
            assertThat(data.resolve(InstanceLock.HOLDER_FILE)).content()
                    .contains("pid=" + ProcessHandle.current().pid());
            assertThat(OwnerOnly.isOwnerOnly(data.resolve(InstanceLock.HOLDER_FILE))).isTrue();
            assertThatThrownBy(() -> InstanceLock.acquire(data))
                    .isInstanceOf(InstanceLock.AlreadyRunningException.class)
                    .hasMessageContaining("already running")
                    .hasMessageContaining(data.toAbsolutePath().toString())
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        assertThat(data.resolve(InstanceLock.HOLDER_FILE)).doesNotExist();
        try (InstanceLock again = InstanceLock.acquire(data)) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void anotherFolderIsIndependent() throws Exception {
        try (InstanceLock a = InstanceLock.acquire(data.resolve("a"));
             InstanceLock b = InstanceLock.acquire(data.resolve("b"))) {
            assertThat(a).isNotSameAs(b);
        }
    }
}
