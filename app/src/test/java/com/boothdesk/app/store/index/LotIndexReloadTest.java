package com.boothdesk.app.store.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.TestStore;

/**
 * A re-read of the cars inside that fails half way (on a site database: the server gone during the refresh) leaves
 * the index as it was; a re-read that succeeds replaces it whole. Found by the outage work: the index used to be
 * cleared before the read, so an outage that began with a refresh had no cars inside and every exit was "no record".
 */
class LotIndexReloadTest {

    @TempDir
    Path dir;

    private static void enter(Database db, String orderId, String plate) {
        db.write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO parking_order (order_id, plate, car_type, entry_lane, in_time, entry_operator,"
                        + " status) VALUES ('" + orderId + "', '" + plate + "', 'small', 'A1',"
                        + " TIMESTAMP WITH TIME ZONE '2026-12-01 08:00:00+08:00', 'op', 'IN_LOT')");
            }
            return null;
        });
    }

    @Test
    void aFailedReReadKeepsTheCarsInsideAndASuccessfulOneReplacesThem() {
        Database db = TestStore.h2().open(dir);
        try {
            enter(db, "A1_1", "京A11111");
            enter(db, "A1_2", "京B22222");
            LotIndex index = LotIndex.of(db);
            assertThat(index.size()).isEqualTo(2);

            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("ALTER TABLE parking_order RENAME TO parking_order_gone");
                }
                return null;
            });
            // the read of the cars fails: the index keeps what it had (it was cleared first, and left empty)
            assertThatThrownBy(() -> db.write(c -> {
                index.reload(c);
                return null;
            })).isNotNull();
            assertThat(index.size()).isEqualTo(2);
            assertThat(index.newest("京A11111")).isPresent();
            assertThat(index.perLane()).containsEntry("A1", 2);

            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("ALTER TABLE parking_order_gone RENAME TO parking_order");
                    st.execute("UPDATE parking_order SET status = 'CLOSED' WHERE order_id = 'A1_1'");
                }
                return null;
            });
            db.write(c -> {
                index.reload(c);
                return null;
            });
            assertThat(index.size()).isEqualTo(1);
            assertThat(index.newest("京A11111")).isEmpty();
            assertThat(index.newest("京B22222")).isPresent();
        } finally {
            db.close();
        }
    }
}
