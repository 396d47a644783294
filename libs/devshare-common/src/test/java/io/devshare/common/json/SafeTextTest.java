package io.devshare.common.json;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeTextTest {

    @Test
    void ordinaryTextOfEveryScriptIsSafe() {
        assertThat(SafeText.problem("Excavator 1 — über, 名前, עברית, 😀, tab\tline\nreturn\r"))
                .isNull();
        assertThat(SafeText.problem("")).isNull();
        assertThat(SafeText.problem(null)).isNull();
    }

    @Test
    void controlsSurrogatesAndNonCharactersAreNot() {
        assertThat(SafeText.problem("a\u0000b")).isEqualTo("contains the control character U+0000");
        assertThat(SafeText.problem("\u001b[31m")).isEqualTo("contains the control character U+001B");
        assertThat(SafeText.problem("\u009f")).isEqualTo("contains the control character U+009F");
        assertThat(SafeText.problem("x\udc00")).isEqualTo("contains an unpaired surrogate U+DC00");
        assertThat(SafeText.problem("x\ud83d")).isEqualTo("contains an unpaired surrogate U+D83D");
        assertThat(SafeText.problem("\ufdd0")).isEqualTo("contains the non-character U+FDD0");
        assertThat(SafeText.problem(new String(Character.toChars(0x1FFFF))))
                .isEqualTo("contains the non-character U+1FFFF");
    }
}
