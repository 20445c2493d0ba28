package com.boothdesk.app.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.lists.Collector;
import com.boothdesk.app.store.lists.JdbcListStore;
import com.boothdesk.app.store.staff.StaffFixture;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.shift.UiExecutors;

/** The log-in screen's rules and its Chinese messages, on a real H2. */
class LoginViewModelTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;
    StaffFixture f;
    LoginViewModel vm;

    @BeforeEach
    void open() {
        f = new StaffFixture(dir);
        f.admin("a1", "a2");
        vm = new LoginViewModel(f.staff, new Messages(Locale.SIMPLIFIED_CHINESE), SHANGHAI, UiExecutors.direct());
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aGoodLogInStartsTheShiftAndClearsThePassword() {
        assertThat(vm.canSubmit().get()).isFalse();
        vm.userId().set("a1");
        vm.password().set("pass-a1");
        assertThat(vm.canSubmit().get()).isTrue();
        vm.submit();
        assertThat(vm.loggedIn().get()).isNotNull();
        assertThat(vm.loggedIn().get().shift().userId()).isEqualTo("a1");
        assertThat(vm.password().get()).isEmpty();
        assertThat(vm.message().get()).isEqualTo("收费员a1(a1) 已上班");
        assertThat(f.staff.duty().get().userId()).isEqualTo("a1");
    }

    @Test
    void aWrongPasswordSaysHowManyTriesAreLeftThenTheLockInChinese() {
        vm.userId().set("a1");
        vm.password().set("wrong!");
        vm.submit();
        assertThat(vm.loggedIn().get()).isNull();
        assertThat(vm.password().get()).isEmpty();
        assertThat(vm.message().get()).isEqualTo("工号或密码错误，还可尝试 4 次，之后账号将锁定 15 分钟");
        for (int i = 0; i < 4; i++) {
            vm.password().set("wrong!");
            vm.submit();
        }
        assertThat(vm.message().get()).isEqualTo("账号已锁定，请于 11-25 08:15 后再试，或请管理员重设密码");
        f.advance(Duration.ofMinutes(16));
        vm.password().set("pass-a1");
        vm.submit();
        assertThat(vm.loggedIn().get()).isNotNull();
    }

    @Test
    void aSecondSessionAndAnotherAttendantsOpenShiftAreExplained() {
        vm.userId().set("a1");
        vm.password().set("pass-a1");
        vm.submit();
        LoginViewModel other = new LoginViewModel(f.staff, new Messages(Locale.SIMPLIFIED_CHINESE), SHANGHAI,
                UiExecutors.direct());
        other.userId().set("a1");
        other.password().set("pass-a1");
        other.submit();
        assertThat(other.message().get()).isEqualTo("该账号已在 B1 登录（11-25 08:00 起），不能重复登录");
        other.userId().set("a2");
        other.password().set("pass-a2");
        other.submit();
        assertThat(other.loggedIn().get()).isNull();
        assertThat(other.message().get()).isEqualTo("收费员a1(a1) 的班次（11-25 08:00 起）尚未交班：请先交班，或请主管结束该班次");
    }

    @Test
    void aCollectorFromTheCloudIsAskedForItsFirstPasswordTwice() {
        f.db.write(c -> {
            new JdbcListStore(f.clock).saveCollector(c, new Collector("c7", "小李", 2));
            return null;
        });
        vm.userId().set("c7");
        vm.password().set("anything");
        vm.submit();
        assertThat(vm.mode().get()).isEqualTo(LoginViewModel.Mode.SET_PASSWORD);
        assertThat(vm.message().get()).isEqualTo("首次登录：请先设置岗亭密码");
        vm.newPassword().set("secret-7");
        vm.repeatPassword().set("secret-8");
        vm.submit();
        assertThat(vm.message().get()).isEqualTo("两次输入的密码不一致");
        vm.newPassword().set("secret-7");
        vm.repeatPassword().set("secret-7");
        vm.submit();
        assertThat(vm.loggedIn().get().account().userId()).isEqualTo("c7");
        assertThat(vm.mode().get()).isEqualTo(LoginViewModel.Mode.LOGIN);
    }

    @Test
    void theMessagesExistInEnglishToo() {
        LoginViewModel en = new LoginViewModel(f.staff, new Messages(Locale.ENGLISH), SHANGHAI, UiExecutors.direct());
        en.userId().set("nobody");
        en.password().set("x");
        en.submit();
        assertThat(en.message().get()).isEqualTo("Wrong user id or password");
    }
}
