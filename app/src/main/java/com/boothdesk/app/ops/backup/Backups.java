package com.boothdesk.app.ops.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.ops.AboutInfo;
import com.boothdesk.app.ops.OwnerOnly;
import com.boothdesk.app.store.Database;

/**
 * Backups of the booth's H2 database: H2's online {@code BACKUP TO} (a consistent copy taken while the booth runs,
 * never a file copy of an open database), packed with the database's password file and a short manifest into
 * {@code boothdesk-<UTC time>.zip}, kept by a retention count. A backup is restored only after it has been proven
 * sound: every zip entry's checksum read, the copy opened by H2 with its own password, and its migration history
 * read; only then is the current database moved aside (kept, never deleted) and the copy put in its place.
 */
public final class Backups {

    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    static final String PREFIX = "boothdesk-";
    static final String SUFFIX = ".zip";
    static final String MANIFEST = "backup.properties";
    static final String DB_ENTRY = "db/";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final Path dir;
    private final int keep;
    private final Clock clock;

    /** @param keep how many backups to keep (older ones are deleted after each new one); at least 1 */
    public Backups(Path dir, int keep, Clock clock) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1");
        }
        this.dir = dir;
        this.keep = keep;
        this.clock = clock;
    }

    /** What a sound backup holds. */
    public record Verified(Path backup, Instant created, String appVersion, String schemaVersion, long orders) {
    }

    /** Thrown when a backup is not sound; nothing was replaced. */
    public static final class UnsoundBackupException extends IOException {
        private static final long serialVersionUID = 1L;

        UnsoundBackupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public Path directory() {
        return dir;
    }

    /** Takes an online backup of the running {@code db} and applies the retention count. */
    public synchronized Path backup(Database db) throws IOException {
        if (db.file() == null) { // multi: a site's PostgreSQL server is backed up on the server (pg_dump)
            throw new IOException("站点数据库在服务器上备份 / the site database " + db.description()
                    + " is backed up on the server (pg_dump), not by the booth");
        }
        OwnerOnly.directory(dir);
        Instant now = clock.instant();
        Path target = dir.resolve(PREFIX + STAMP.format(now) + SUFFIX);
        Path h2zip = dir.resolve(".h2-" + STAMP.format(now) + ".zip.tmp");
        Path partial = dir.resolve(target.getFileName() + ".tmp");
        try {
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("BACKUP TO '" + h2zip.toAbsolutePath().toString().replace("'", "''") + "'");
            } catch (SQLException e) {
                throw new IOException("H2 BACKUP TO failed: " + e.getMessage(), e);
            }
            Properties manifest = new Properties();
            manifest.setProperty("created", now.toString());
            manifest.setProperty("app.version", AboutInfo.of(db.file().getParent()).version());
            manifest.setProperty("schema.version", schemaVersion(db));
            Path dbDir = db.file().getParent();
            try (OutputStream raw = Files.newOutputStream(partial);
                 ZipOutputStream out = new ZipOutputStream(raw);
                 ZipInputStream in = new ZipInputStream(Files.newInputStream(h2zip))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    out.putNextEntry(new ZipEntry(DB_ENTRY + e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
                out.putNextEntry(new ZipEntry(DB_ENTRY + Database.PASSWORD_FILE));
                out.write(Files.readAllBytes(dbDir.resolve(Database.PASSWORD_FILE)));
                out.closeEntry();
                out.putNextEntry(new ZipEntry(MANIFEST));
                manifest.store(out, "BoothDesk backup");
                out.closeEntry();
            }
            OwnerOnly.restrict(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(h2zip);
            Files.deleteIfExists(partial);
        }
        LOG.info("Backup written: {} ({} bytes)", target, Files.size(target));
        prune();
        return target;
    }

    /** The backups in the folder, newest first. */
    public List<Path> list() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(PREFIX) && n.endsWith(SUFFIX);
            }).sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        }
    }

    /** When the newest backup was taken (from its name), or null. */
    public Instant newest() throws IOException {
        List<Path> all = list();
        if (all.isEmpty()) {
            return null;
        }
        String n = all.get(0).getFileName().toString();
        try {
            return Instant.from(STAMP.parse(n.substring(PREFIX.length(), n.length() - SUFFIX.length())));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void prune() throws IOException {
        List<Path> all = list();
        for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
            Files.deleteIfExists(old);
            LOG.info("Backup {} removed (keeping the newest {})", old.getFileName(), keep);
        }
    }

    /**
     * Unpacks {@code backup} into the empty folder {@code into} and proves it sound (checksums, H2 opens it with
     * its password, the migration history reads). {@code into} then holds a database ready to be moved in place.
     */
    public static Verified verify(Path backup, Path into) throws UnsoundBackupException {
        Properties manifest = new Properties();
        try {
            Files.createDirectories(into);
            boolean sawDb = false;
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(backup))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    String name = e.getName();
                    if (name.equals(MANIFEST)) {
                        manifest.load(new java.io.InputStreamReader(nonClosing(in), StandardCharsets.ISO_8859_1));
                    } else if (name.startsWith(DB_ENTRY) && !name.endsWith("/")
                            && name.indexOf('/', DB_ENTRY.length()) < 0 && !name.contains("..")) {
                        Path f = into.resolve(name.substring(DB_ENTRY.length()));
                        Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING); // reading checks the CRC
                        OwnerOnly.restrict(f);
                        sawDb |= name.endsWith(".mv.db");
                    } else {
                        throw new UnsoundBackupException("unexpected entry '" + name + "' in " + backup, null);
                    }
                }
            }
            if (!sawDb || manifest.getProperty("created") == null) {
                throw new UnsoundBackupException(backup + " holds no BoothDesk database (no .mv.db or no manifest)",
                        null);
            }
            String pw = Files.readString(into.resolve(Database.PASSWORD_FILE), StandardCharsets.UTF_8).trim();
            String url = Database.url(into.resolve("boothdesk")) + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
            try (Connection c = DriverManager.getConnection(url, "booth", pw); Statement st = c.createStatement()) {
                String failed = one(st, "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = FALSE");
                if (!"0".equals(failed)) {
                    throw new UnsoundBackupException(backup + " has " + failed + " failed migration(s)", null);
                }
                String version = one(st, "SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\"");
                long orders = Long.parseLong(one(st, "SELECT COUNT(*) FROM parking_order"));
                return new Verified(backup, Instant.parse(manifest.getProperty("created")),
                        manifest.getProperty("app.version", "?"), manifest.getProperty("schema.version", version),
                        orders);
            }
        } catch (UnsoundBackupException e) {
            throw e;
        } catch (ZipException e) {
            throw new UnsoundBackupException(backup + " is damaged (zip: " + e.getMessage() + ")", e);
        } catch (IOException | SQLException | RuntimeException e) {
            throw new UnsoundBackupException(backup + " is not a sound backup: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the database in {@code dbDir} by {@code backup}, after {@link #verify} proved it sound. The current
     * database is kept in {@code <dbDir>.before-restore-<time>}, which is returned. The booth must not be running
     * (the caller holds the data folder's instance lock).
     */
    public static Path restore(Path backup, Path dbDir, Clock clock) throws IOException {
        String stamp = STAMP.format(clock.instant());
        Path parent = dbDir.toAbsolutePath().getParent();
        Path staging = parent.resolve(dbDir.getFileName() + ".restoring-" + stamp);
        Path saved = parent.resolve(dbDir.getFileName() + ".before-restore-" + stamp);
        Verified v;
        try {
            v = verify(backup, staging);
        } catch (UnsoundBackupException e) {
            deleteTree(staging);
            throw e;
        }
        OwnerOnly.directory(staging);
        if (Files.exists(dbDir)) {
            Files.move(dbDir, saved, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, dbDir, StandardCopyOption.ATOMIC_MOVE);
        LOG.warn("Database restored from {} (taken {}, version {}, {} orders); the previous database is in {}",
                backup, v.created(), v.appVersion(), v.orders(), saved);
        return saved;
    }

    private static String schemaVersion(Database db) {
        return db.read(c -> one(c.createStatement(),
                "SELECT \"version\" FROM \"flyway_schema_history\" ORDER BY \"installed_rank\" DESC LIMIT 1"));
    }

    private static String one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? String.valueOf(rs.getObject(1)) : null;
        }
    }

    private static InputStream nonClosing(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            List<Path> all = new ArrayList<>(s.toList());
            java.util.Collections.reverse(all);
            for (Path x : all) {
                Files.deleteIfExists(x);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", p, e.toString());
        }
    }
}
