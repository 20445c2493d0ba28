package com.boothdesk.app.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import javax.sql.DataSource;

/**
 * A digest of every migration script this build carries, kept in the database after Flyway brought it up to date.
 * When a booth starts on a database whose stamp matches its own scripts, nothing can be pending and Flyway (its
 * classes, the scan, the parse of every script and the validation: ~0.6 s of a 2-core booth PC's cold start) is not
 * run at all. Any change to any script, a script added, another vendor or another set of locations gives another
 * digest, and then Flyway runs as always (and validates as always) and writes the new stamp.
 */
final class SchemaStamp {

    static final String TABLE = "boothdesk_schema_stamp";

    private SchemaStamp() {
    }

    /** The digest of the scripts under the given Flyway {@code classpath:} locations, with {@code vendor}. */
    static String of(String vendor, List<String> locations) {
        return of(vendor, locations, SchemaStamp.class.getClassLoader());
    }

    /** As above, with the scripts found through {@code loader}. */
    static String of(String vendor, List<String> locations, ClassLoader loader) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha.update(vendor.getBytes(StandardCharsets.UTF_8));
        for (String location : locations) {
            sha.update((byte) 0);
            sha.update(location.getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> script : scripts(location, loader).entrySet()) {
                sha.update((byte) 1);
                sha.update(script.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 2);
                sha.update(script.getValue());
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The database's stamp, or null when it has none (never stamped, or an older booth created it). */
    static String read(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            try (ResultSet rs = st.executeQuery("SELECT fingerprint FROM " + TABLE)) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null; // no table yet: the first start of this version on this database
        }
    }

    /** Records {@code fingerprint} as the scripts the database is up to date with. */
    static void write(DataSource ds, String fingerprint) throws SQLException {
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (fingerprint VARCHAR(64) NOT NULL)");
                st.executeUpdate("DELETE FROM " + TABLE);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (fingerprint) VALUES (?)")) {
                    ps.setString(1, fingerprint);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    /** Every {@code .sql} file directly under a {@code classpath:} location, by name, in name order. */
    static Map<String, byte[]> scripts(String location, ClassLoader loader) {
        String folder = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        folder = folder.endsWith("/") ? folder : folder + "/";
        Map<String, byte[]> found = new TreeMap<>();
        try {
            List<URL> roots = new ArrayList<>();
            loader.getResources(folder).asIterator().forEachRemaining(roots::add);
            for (URL root : roots) {
                if ("file".equals(root.getProtocol())) {
                    Path dir = Paths.get(root.toURI());
                    try (Stream<Path> files = Files.list(dir)) {
                        for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".sql")).toList()) {
                            found.put(p.getFileName().toString(), Files.readAllBytes(p));
                        }
                    }
                } else if ("jar".equals(root.getProtocol())) {
                    JarURLConnection conn = (JarURLConnection) root.openConnection();
                    conn.setUseCaches(false);
                    try (JarFile jar = conn.getJarFile()) {
                        for (JarEntry e : java.util.Collections.list(jar.entries())) {
                            String name = e.getName();
                            if (name.startsWith(folder) && name.endsWith(".sql")
                                    && name.indexOf('/', folder.length()) < 0) {
                                try (InputStream in = jar.getInputStream(e)) {
                                    found.put(name.substring(folder.length()), in.readAllBytes());
                                }
                            }
                        }
                    }
                } else {
                    // an unknown kind of class path: a digest that never matches, so Flyway always runs
                    found.put("?" + root, new byte[0]);
                    found.put("?nonce", String.valueOf(System.nanoTime()).getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
