package com.boothdesk.app.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.store.staff.StaffFixture;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.shift.UiExecutors;

/** The installer's first admin screen. */
class FirstAdminViewModelTest {

    @TempDir
    Path dir;
    StaffFixture f;

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theInstallerCreatesTheFirstAdminOnceWithAPasswordTypedTwice() {
        f = new StaffFixture(dir);
        FirstAdminViewModel vm = new FirstAdminViewModel(f.staff, new Messages(Locale.SIMPLIFIED_CHINESE),
                UiExecutors.direct());
        assertThat(f.staff.needsFirstAdmin()).isTrue();
        vm.userId().set("admin");
        vm.name().set("站长");
        vm.password().set("first-secret");
        vm.repeat().set("first-secreT");
        vm.submit();
        assertThat(vm.message().get()).isEqualTo("两次输入的密码不一致");
        assertThat(vm.password().get()).isEmpty();
        vm.password().set("abc");
        vm.repeat().set("abc");
        vm.submit();
        assertThat(vm.message().get()).isEqualTo("密码至少 6 位");
        vm.password().set("first-secret");
        vm.repeat().set("first-secret");
        vm.submit();
        assertThat(vm.created().get().userId()).isEqualTo("admin");
        assertThat(vm.message().get()).isEqualTo("管理员 站长(admin) 已创建，请登录");
        assertThat(f.staff.needsFirstAdmin()).isFalse();
        assertThat(f.staff.login("admin", "first-secret".toCharArray()).account().role().administers()).isTrue();
    }
}
