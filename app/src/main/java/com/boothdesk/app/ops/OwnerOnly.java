package com.boothdesk.app.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Folders and files readable by the booth's account only: POSIX {@code rwx------} / {@code rw-------} where the file
 * system has POSIX permissions, else (Windows, NTFS) an ACL granting the owner alone full control.
 */
public final class OwnerOnly {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates {@code dir} and any missing parents; the folder itself (new or not) is made owner-only. */
    public static Path directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            if (POSIX) {
                Files.createDirectories(dir, dirAttribute());
            } else {
                Files.createDirectories(dir);
            }
        }
        restrict(dir);
        return dir;
    }

    /** Makes an existing file or folder owner-only (nothing happens if it does not exist). */
    public static void restrict(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        if (POSIX) {
            Files.setPosixFilePermissions(p, Files.isDirectory(p) ? DIR : FILE);
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(p, AclFileAttributeView.class);
        if (acl == null) {
            return; // FAT and the like: nothing to restrict with
        }
        List<AclEntry> entries = new java.util.ArrayList<>();
        for (UserPrincipal who : trusted(p)) {
            entries.add(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(who)
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build());
        }
        acl.setAcl(entries);
    }

    /** The owner, and on Windows the machine's own SYSTEM account and the Administrators group (for backups). */
    private static List<UserPrincipal> trusted(Path p) throws IOException {
        List<UserPrincipal> out = new java.util.ArrayList<>();
        out.add(Files.getOwner(p));
        for (String name : List.of("SYSTEM", "Administrators")) {
            try {
                out.add(p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name));
            } catch (IOException | UnsupportedOperationException e) {
                // not on this system
            }
        }
        return out;
    }

    /** True when only the owner may read {@code p} (always true where permissions cannot be read). */
    public static boolean isOwnerOnly(Path p) throws IOException {
        if (POSIX) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            return perms.stream().noneMatch(x -> x.name().startsWith("GROUP") || x.name().startsWith("OTHERS"));
        }
        AclFileAttributeView acl = Files.getFileAttributeView(p, AclFileAttributeView.class);
        if (acl == null) {
            return true;
        }
        List<UserPrincipal> trusted = trusted(p);
        return acl.getAcl().stream().allMatch(e -> e.type() != AclEntryType.ALLOW || trusted.contains(e.principal()));
    }

    /** Writes {@code text} to {@code file} atomically (a sibling temporary file, then a move), owner-only. */
    public static void writeString(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (POSIX) {
            Files.createFile(tmp, fileAttribute());
        } else {
            Files.createFile(tmp);
            restrict(tmp);
        }
        Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.SYNC);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        restrict(file);
    }

    private static FileAttribute<Set<PosixFilePermission>> dirAttribute() {
        return PosixFilePermissions.asFileAttribute(DIR);
    }

    private static FileAttribute<Set<PosixFilePermission>> fileAttribute() {
        return PosixFilePermissions.asFileAttribute(FILE);
    }
}
