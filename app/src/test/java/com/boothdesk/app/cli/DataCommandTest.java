package com.boothdesk.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.ops.InstanceLock;
import com.boothdesk.app.store.Database;

import picocli.CommandLine;

/** {@code data status}: counts of a real H2 data folder, and refused while a booth holds the folder. */
class DataCommandTest {

    @TempDir
    Path data;

    @Test
    void printsTheSchemaAndTheCountsAndRefusesWhileABoothRuns() throws Exception {
        try (Database db = Database.open(data.resolve("db"))) {
            db.write(c -> c.createStatement().executeUpdate("INSERT INTO parking_order (order_id, plate, car_type,"
                    + " entry_lane, in_time, status, paid_fen) VALUES ('o1', '京A11111', 'TEMPORARY', 'A1',"
                    + " CURRENT_TIMESTAMP, 'CLOSED', 700), ('o2', '京A22222', 'TEMPORARY', 'A1', CURRENT_TIMESTAMP,"
                    + " 'IN_LOT', 0)"));
            db.write(c -> c.createStatement().executeUpdate("INSERT INTO staff_shift (shift_id, user_id,"
                    + " workstation, started_at) VALUES ('S1', '9001', 'B1', CURRENT_TIMESTAMP)"));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("orders: 2\n", "orders in lot: 1\n", "orders closed: 1\n",
                "money taken fen: 700\n", "shifts open: 1\n", "shift ids: S1\n", "last migration: V")
                .doesNotContain("京A");
        try (InstanceLock lock = InstanceLock.acquire(data)) {
            StringWriter err2 = new StringWriter();
            assertThat(run(new StringWriter(), err2)).isEqualTo(5);
            assertThat(err2.toString()).isNotBlank();
        }
    }

    private int run(StringWriter out, StringWriter err) {
        CommandLine cl = new CommandLine(new DataCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute("status", "--data", data.toString());
    }
}
