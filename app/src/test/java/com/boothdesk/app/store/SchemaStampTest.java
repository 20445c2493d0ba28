package com.boothdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.sdk.outbox.OutboxSchema;

class SchemaStampTest {

    @TempDir
    Path tmp;

    @Test
    void aDatabaseBroughtUpToDateCarriesTheStampOfThisBuildsScripts() throws Exception {
        try (Database db = Database.open(tmp.resolve("db"))) {
            List<String> all = new java.util.ArrayList<>(List.of(Database.locations(Database.Vendor.H2)));
            all.add(OutboxSchema.LOCATION);
            assertThat(SchemaStamp.read(db.dataSource())).isEqualTo(SchemaStamp.of("H2", all));
        }
        // a second start takes the fast path and leaves the schema as it was
        try (Database db = Database.open(tmp.resolve("db"));
             Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = FALSE")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void scriptsAreFoundInAJarAndAnyChangeGivesAnotherDigest() throws Exception {
        Path jar1 = jar("one.jar", "V1__a.sql", "CREATE TABLE a (x INT);");
        Path jar2 = jar("two.jar", "V1__a.sql", "CREATE TABLE a (x BIGINT);");
        Path jar3 = jar("three.jar", "V1__a.sql", "CREATE TABLE a (x INT);", "V2__b.sql", "SELECT 1;");
        List<String> loc = List.of("classpath:probe/migration");
        try (URLClassLoader l1 = loader(jar1); URLClassLoader l1again = loader(jar1); URLClassLoader l2 = loader(jar2);
             URLClassLoader l3 = loader(jar3)) {
            assertThat(SchemaStamp.scripts(loc.get(0), l3)).containsOnlyKeys("V1__a.sql", "V2__b.sql");
            String d1 = SchemaStamp.of("H2", loc, l1);
            assertThat(SchemaStamp.of("H2", loc, l1again)).isEqualTo(d1);
            assertThat(SchemaStamp.of("H2", loc, l2)).isNotEqualTo(d1);            // a script edited
            assertThat(SchemaStamp.of("H2", loc, l3)).isNotEqualTo(d1);            // a script added
            assertThat(SchemaStamp.of("POSTGRESQL", loc, l1)).isNotEqualTo(d1);    // another vendor
        }
    }

    @Test
    void aStampThatDoesNotMatchSendsTheStartThroughFlyway() throws Exception {
        try (Database db = Database.open(tmp.resolve("db"))) {
            SchemaStamp.write(db.dataSource(), "0".repeat(64));
        }
        try (Database db = Database.open(tmp.resolve("db"))) {
            assertThat(SchemaStamp.read(db.dataSource())).isNotEqualTo("0".repeat(64)).hasSize(64);
        }
    }

    private URLClassLoader loader(Path jar) throws Exception {
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
    }

    private Path jar(String name, String... entries) throws Exception {
        Path p = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(p); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("probe/"));
            j.closeEntry();
            j.putNextEntry(new JarEntry("probe/migration/"));
            j.closeEntry();
            for (int i = 0; i < entries.length; i += 2) {
                j.putNextEntry(new JarEntry("probe/migration/" + entries[i]));
                j.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
            j.putNextEntry(new JarEntry("probe/migration/sub/V9__deeper.sql"));
            j.write("SELECT 9;".getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        return p;
    }
}
