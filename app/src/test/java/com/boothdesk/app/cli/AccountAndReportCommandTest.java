package com.boothdesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.store.Database;

import picocli.CommandLine;

/** {@code account create-admin} (the installer's first admin) and {@code report shift} without a shift. */
class AccountAndReportCommandTest {

    @TempDir
    Path data;

    @Test
    void theFirstAdminIsCreatedOnceFromStdinAndNeverEchoed() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(new AccountCommand(), "admin-secret-9\n", out, err, "create-admin", "--id", "admin", "--name",
                "站长", "--data", data.toString(), "--password-stdin")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("admin").doesNotContain("admin-secret-9");
        StringWriter err2 = new StringWriter();
        assertThat(run(new AccountCommand(), "another-secret\n", new StringWriter(), err2, "create-admin", "--id",
                "boss", "--data", data.toString(), "--password-stdin")).isEqualTo(1);
        assertThat(err2.toString()).contains("已有管理员");
        StringWriter err3 = new StringWriter();
        assertThat(run(new AccountCommand(), "short\n", new StringWriter(), err3, "create-admin", "--id", "x",
                "--data", data.resolve("other").toString(), "--password-stdin")).isEqualTo(1);
        assertThat(err3.toString()).contains("密码至少 6 位");
        try (Database db = Database.open(data.resolve("db"))) {
            String cred = db.read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT credential FROM staff_account")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(cred).startsWith("pbkdf2-sha256$210000$");
        }
    }

    @Test
    void aReportOfNoShiftSaysSo() {
        run(new AccountCommand(), "admin-secret-9\n", new StringWriter(), new StringWriter(), "create-admin", "--id",
                "admin", "--data", data.toString(), "--password-stdin");
        StringWriter err = new StringWriter();
        assertThat(run(new ReportCommand(), "", new StringWriter(), err, "shift", "--last", "--pdf",
                data.resolve("r.pdf").toString(), "--data", data.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("还没有已交班的班次");
        StringWriter err2 = new StringWriter();
        assertThat(run(new ReportCommand(), "", new StringWriter(), err2, "shift", "--id", "S-NONE", "--pdf",
                data.resolve("r.pdf").toString(), "--data", data.toString())).isEqualTo(1);
        assertThat(err2.toString()).contains("没有这个班次");
    }

    private static int run(Object cmd, String stdin, StringWriter out, StringWriter err, String... args) {
        InputStream old = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return new CommandLine(cmd).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                    .execute(args);
        } finally {
            System.setIn(old);
        }
    }
}
