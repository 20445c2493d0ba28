package com.boothdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.ops.OwnerOnly;

/** The database at rest: a generated password in an owner-only file, owner-only files, old databases migrated. */
class DatabaseAtRestTest {

    @TempDir
    Path dir;

    @Test
    void aNewDatabaseHasAGeneratedPasswordAndNothingIsReadableByOthers() throws Exception {
        try (Database db = Database.open(dir)) {
            db.write(c -> c.createStatement().executeUpdate("CREATE TABLE probe(x INT)"));
        }
        Path pwFile = dir.resolve(Database.PASSWORD_FILE);
        String pw = Files.readString(pwFile).trim();
        assertThat(pw).hasSize(64).matches("[0-9a-f]+");
        assertThat(OwnerOnly.isOwnerOnly(dir)).isTrue();
        assertThat(OwnerOnly.isOwnerOnly(pwFile)).isTrue();
        assertThat(OwnerOnly.isOwnerOnly(dir.resolve("boothdesk.mv.db"))).isTrue();

        String url = Database.url(dir.resolve("boothdesk"));
        assertThatThrownBy(() -> DriverManager.getConnection(url, "booth", "").close())
                .isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.WRONG_USER_OR_PASSWORD));
        try (Connection c = DriverManager.getConnection(url, "booth", pw)) {
            assertThat(c.isValid(1)).isTrue();
        }
        // and the booth opens it again with the same password
        try (Database again = Database.open(dir)) {
            String user = again.read(c -> c.getMetaData().getUserName());
            assertThat(user).isEqualToIgnoringCase("booth");
        }
    }

    @Test
    void aPasswordlessDatabaseOfAnEarlierVersionGetsThePasswordAndKeepsItsData() throws Exception {
        String url = Database.url(dir.resolve("boothdesk"));
        // a database of an earlier version: the app's schema, user booth, no password
        org.h2.jdbcx.JdbcDataSource old = new org.h2.jdbcx.JdbcDataSource();
        old.setURL(url);
        old.setUser("booth");
        old.setPassword("");
        org.flywaydb.core.Flyway.configure().dataSource(old).locations(Database.locations(Database.Vendor.H2))
                .outOfOrder(true).load().migrate();
        try (Connection c = DriverManager.getConnection(url, "booth", "")) {
            c.createStatement().execute("CREATE TABLE legacy(id INT PRIMARY KEY, v VARCHAR(10))");
            c.createStatement().execute("INSERT INTO legacy VALUES (1, 'kept')");
        }
        assertThat(dir.resolve(Database.PASSWORD_FILE)).doesNotExist();

        try (Database db = Database.open(dir)) {
            String v = db.read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT v FROM legacy WHERE id = 1")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(v).isEqualTo("kept");
        }
        String pw = Files.readString(dir.resolve(Database.PASSWORD_FILE)).trim();
        assertThatThrownBy(() -> DriverManager.getConnection(url, "booth", "").close())
                .isInstanceOf(SQLException.class);
        try (Connection c = DriverManager.getConnection(url, "booth", pw)) {
            assertThat(c.isValid(1)).isTrue();
        }
    }

    @Test
    void aLostPasswordFileIsAClearErrorNotANewDatabase() throws Exception {
        Database.open(dir).close();
        Files.writeString(dir.resolve(Database.PASSWORD_FILE), "not-the-password\n");
        assertThatThrownBy(() -> Database.open(dir)).isInstanceOf(StoreException.class)
                .hasMessageContaining(Database.PASSWORD_FILE).hasMessageContaining("password");
    }
}
