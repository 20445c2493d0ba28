package com.boothdesk.app.ui.correction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.ui.Messages;

/** The correction dialog's rules: the grid, the two plate forms, the confirmation old → new. */
class CorrectionViewModelTest {

    final List<String> sent = new ArrayList<>();
    String answer = "";
    final CorrectionViewModel vm = new CorrectionViewModel(new Messages(Locale.SIMPLIFIED_CHINESE), "B1", "出口1",
            "京A1234S", p -> {
                sent.add(p);
                return CompletableFuture.completedFuture(answer);
            });

    @Test
    void theGridHasEveryProvinceAndTheSpecialPlates() {
        assertThat(CorrectionViewModel.PROVINCES).hasSize(31).doesNotHaveDuplicates().contains("京", "琼", "藏", "新");
        assertThat(CorrectionViewModel.SPECIALS).containsExactly("使", "领", "警", "学", "挂", "港", "澳");
        assertThat(CorrectionViewModel.LETTERS).hasSize(24).doesNotContain("I", "O");
    }

    @Test
    void theDialogStartsFromTheReadAndShowsOldToNew() {
        assertThat(vm.plateProperty().get()).isEqualTo("京A1234S");
        vm.backspace();
        vm.press("5");
        assertThat(vm.confirmationProperty().get()).isEqualTo("京A1234S  →  京A12345");
        assertThat(vm.validProperty().get()).isTrue();
        vm.confirm();
        assertThat(sent).containsExactly("京A12345");
        assertThat(vm.doneProperty().get()).isTrue();
        assertThat(vm.title()).contains("出口1").contains("B1");
    }

    @Test
    void aProvinceKeyReplacesTheProvince() {
        vm.press("苏");
        assertThat(vm.plateProperty().get()).isEqualTo("苏A1234S");
    }

    @Test
    void theNewEnergyFormHasEightCharacters() {
        vm.clear();
        for (String k : List.of("粤", "B", "D", "1", "2", "3", "4", "5")) {
            vm.press(k);
        }
        assertThat(vm.plateProperty().get()).isEqualTo("粤BD1234");
        assertThat(vm.errorProperty().get()).contains("已满 7 位");
        assertThat(vm.newEnergyProperty().get()).isFalse();
        vm.newEnergyProperty().set(true);
        vm.press("5");
        assertThat(vm.plateProperty().get()).isEqualTo("粤BD12345");
        assertThat(vm.problemProperty().get()).isEmpty();
        vm.newEnergyProperty().set(false);
        assertThat(vm.problemProperty().get()).isEqualTo("车牌应为 7 位,现在 8 位");
    }

    @Test
    void whatIsNotAPlateIsExplainedAndNotSent() {
        vm.plateProperty().set("A12345");
        assertThat(vm.problemProperty().get()).isEqualTo("第1位应为省份简称或\"使\"");
        vm.plateProperty().set("京112345");
        assertThat(vm.problemProperty().get()).startsWith("第2位");
        vm.plateProperty().set("京A1I345");
        assertThat(vm.problemProperty().get()).isEqualTo("第 4 位\"I\"不能用在车牌中");
        vm.plateProperty().set("京A1234警");
        assertThat(vm.problemProperty().get()).as("police suffix").isEmpty();
        vm.plateProperty().set("京A1234S");
        vm.confirm();
        assertThat(vm.errorProperty().get()).isEqualTo("新车牌与原车牌相同");
        assertThat(sent).isEmpty();
    }

    @Test
    void whenTheLaneRefusesTheDialogStaysOpenWithTheReason() {
        answer = "没有可修改的车牌";
        vm.plateProperty().set("京A12345");
        vm.confirm();
        assertThat(vm.doneProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("没有可修改的车牌");
    }
}
