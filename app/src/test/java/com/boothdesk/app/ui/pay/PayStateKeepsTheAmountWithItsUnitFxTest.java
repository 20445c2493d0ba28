package com.boothdesk.app.ui.pay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import javafx.scene.shape.Path;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import com.boothdesk.app.ui.Messages;

/**
 * The exit panel's pay state wraps within its column (PayCodeView): "元" never goes onto a line of its own, the
 * amount and its unit stay together (a no-break space between them in the texts), in both languages.
 */
class PayStateKeepsTheAmountWithItsUnitFxTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** The line (its top) on which the character at {@code index} is laid out. */
    static double lineOf(Text t, int index) {
        return new Path(t.rangeShape(index, index + 1)).getBoundsInLocal().getMinY();
    }

    /** Lays {@code text} out at the width where everything up to the unit just fits; true when the unit is alone. */
    static boolean unitAlone(String text, String unit) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Font font = Font.font(14);
            int u = text.lastIndexOf(unit);
            Text head = new Text(text.substring(0, u).stripTrailing());
            head.setFont(font);
            Text t = new Text(text);
            t.setFont(font);
            t.setWrappingWidth(Math.ceil(head.getLayoutBounds().getWidth()) + 2);
            return lineOf(t, u) > lineOf(t, u - 2); // the unit below the amount's last digit
        }).get();
    }

    @Test
    void theUnitStaysWithTheAmountOnEveryPayLine() throws Exception {
        // the layout this guards against: with an ordinary space the unit is carried over alone
        assertThat(unitAlone("请车主扫码支付 114.00 元", "元")).isTrue();
        for (Locale l : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            Messages m = new Messages(l);
            String unit = l == Locale.ENGLISH ? "yuan" : "元";
            for (String key : new String[] {"pay.waiting", "pay.paying", "pay.paying.sweepcode", "pay.paying.wallet",
                    "pay.paid"}) {
                String text = m.get(key, "114.00");
                assertThat(text).as(key).contains("114.00\u00a0" + unit);
                assertThat(unitAlone(text, unit)).as(key + ": " + text).isFalse();
            }
        }
    }
}
