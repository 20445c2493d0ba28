package com.boothdesk.app.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.staff.Account;
import com.boothdesk.app.domain.staff.Role;
import com.boothdesk.app.domain.staff.StaffException;
import com.boothdesk.app.domain.staff.StaffService;
import com.boothdesk.app.testing.RunningBooth;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * proto4, 3.8 collector_sync through the real TCP link from the cloud simulator: the cloud's collectors become the
 * booth's log-in accounts (H2), created without a booth password (no log-in until one is set here), changed, and
 * disabled by a delete; the booth's last admin is never deleted by the cloud; and no 2.4 upload_collector goes back
 * for a change that came from the cloud (the outbox is in order: the booth's own later change arrives alone).
 */
class CollectorSyncThroughTheBoothTest {

    @TempDir
    Path data;
    RunningBooth booth;

    @AfterEach
    void stop() {
        if (booth != null) {
            booth.close();
        }
    }

    private static String sync(int op, String userId, String name) {
        return "{'service_name':'collector_sync','data':{'user_id':'" + userId + "','name':'" + name + "','sex':1,"
                + "'create_time':1490886218,'update_time':1490886218,'operate_type':" + op + "}}";
    }

    private static char[] pw(String s) {
        return s.toCharArray();
    }

    private StaffService staff() {
        return booth.app.staff().service();
    }

    @Test
    void theCloudsCollectorsAreTheBoothsAccountsAndNothingIsEchoedBack() throws Exception {
        booth = RunningBooth.start(data);
        staff().createFirstAdmin("admin1", "管理员", pw("admin-pass-1"));

        ObjectNode added = booth.push(sync(1, "11", "小王"));
        assertThat(added.path("state").asInt()).isEqualTo(1);
        assertThat(added.path("user_id").asText()).isEqualTo("11");
        assertThat(added.path("operate_type").asInt()).isEqualTo(1);
        assertThat(added.path("data_target").asText()).isEqualTo("cloud");
        Account a = booth.app.staff().store().account("11").orElseThrow();
        assertThat(a.name()).isEqualTo("小王");
        assertThat(a.role()).isEqualTo(Role.ATTENDANT);
        assertThat(a.hasPassword()).isFalse();
        assertThatThrownBy(() -> staff().authenticate("11", pw("anything-1")))
                .isInstanceOfSatisfying(StaffException.class,
                        e -> assertThat(e.key()).isEqualTo("staff.login.needs_password"));

        assertThat(booth.push(sync(2, "11", "王小二")).path("state").asInt()).isEqualTo(1);
        assertThat(booth.app.staff().store().account("11").orElseThrow().name()).isEqualTo("王小二");

        // a password set here: the collector logs in; a later cloud change keeps it
        staff().login("admin1", pw("admin-pass-1"));
        staff().setPassword("admin1", "11", pw("wang-pass-1"));
        assertThat(booth.push(sync(2, "11", "王小三")).path("state").asInt()).isEqualTo(1);
        assertThat(staff().authenticate("11", pw("wang-pass-1")).name()).isEqualTo("王小三");

        // deleted in the cloud: no log-in any more
        ObjectNode deleted = booth.push(sync(3, "11", "王小三"));
        assertThat(deleted.path("state").asInt()).isEqualTo(1);
        assertThat(deleted.path("operate_type").asInt()).isEqualTo(3);
        assertThat(booth.app.staff().store().account("11")).isEmpty();
        assertThatThrownBy(() -> staff().authenticate("11", pw("wang-pass-1")))
                .isInstanceOfSatisfying(StaffException.class,
                        e -> assertThat(e.key()).isEqualTo("staff.login.wrong"));

        // the booth's last admin is not the cloud's to delete
        ObjectNode lastAdmin = booth.push(sync(3, "admin1", "管理员"));
        assertThat(lastAdmin.path("state").asInt()).isZero();
        assertThat(lastAdmin.path("errmsg").asText()).contains("唯一的管理员");
        assertThat(booth.app.staff().store().account("admin1")).isPresent();

        ObjectNode bad = booth.push(sync(1, "bad id!", "x"));
        assertThat(bad.path("state").asInt()).isZero();
        assertThat(bad.path("errmsg").asText()).contains("user_id");

        // the booth's own change goes up as 2.4; the cloud's changes before it did not
        staff().updateAccount("admin1", "admin1", "站长", 0, Role.ADMIN);
        await().atMost(RunningBooth.WAIT).until(() -> booth.cloud().received("upload_collector").stream()
                .anyMatch(u -> u.data().path("name").asText().equals("站长")));
        assertThat(booth.cloud().received("upload_collector"))
                .allSatisfy(u -> assertThat(u.data().path("user_id").asText()).isEqualTo("admin1"));
        assertThat(booth.app.outbox().byOrderKey(com.boothdesk.app.store.lists.ListUplinks.key("collector", "11")))
                .as("nothing queued for the cloud's collector").isEmpty();
    }
}
