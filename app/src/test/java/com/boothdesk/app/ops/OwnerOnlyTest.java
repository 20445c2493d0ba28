package com.boothdesk.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyTest {

    @TempDir
    Path tmp;

    @Test
    void foldersAndFilesAreCreatedAndTightenedToTheOwner() throws Exception {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path dir = OwnerOnly.directory(tmp.resolve("a/b"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        Path f = dir.resolve("secret.txt");
        OwnerOnly.writeString(f, "x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        assertThat(f).hasContent("x");

        Path open = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(OwnerOnly.isOwnerOnly(open)).isFalse();
        OwnerOnly.directory(open);
        assertThat(OwnerOnly.isOwnerOnly(open)).isTrue();
    }
}
