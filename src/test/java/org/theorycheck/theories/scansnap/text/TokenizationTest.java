package org.theorycheck.theories.scansnap.text;

import org.junit.jupiter.api.Test;
import org.theorycheck.core.experiment.ConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The two line rules of the issue: Brown's word/TAG items, and WikiText as PyTorch's example reads it. */
class TokenizationTest {

    private static List<String> tokens(Tokenization rule, String line) {
        List<String> out = new ArrayList<>();
        rule.tokens(line, "f", 7, out::add);
        return out;
    }

    @Test
    void taggedKeepsTheLowercasedWordBeforeTheLastSlash() {
        assertThat(tokens(Tokenization.TAGGED, "\tThe/at Fulton/np-tl County/nn-tl ./."))
                .containsExactly("the", "fulton", "county", ".", "<eos>");
        assertThat(tokens(Tokenization.TAGGED, "and/or/cc //in /l//nn Atlanta's/np$"))
                .containsExactly("and/or", "/", "/l/", "atlanta's", "<eos>");
    }

    @Test
    void taggedBlankLinesGiveNothing() {
        assertThat(tokens(Tokenization.TAGGED, "")).isEmpty();
        assertThat(tokens(Tokenization.TAGGED, " \t ")).isEmpty();
    }

    @Test
    void taggedItemWithoutWordOrSlashNamesFileAndLine() {
        for (String bad : List.of("The/at Fulton", "/nn")) {
            assertThatThrownBy(() -> tokens(Tokenization.TAGGED, bad)).isInstanceOfSatisfying(ConfigException.class, e -> {
                assertThat(e.file()).isEqualTo("f");
                assertThat(e.line()).isEqualTo(7);
                assertThat(e.problem()).contains("word/TAG");
            });
        }
    }

    @Test
    void plainKeepsItemsAsTheyAreAndEndsEveryLine() {
        assertThat(tokens(Tokenization.PLAIN, " = Valkyria Chronicles III = ")).containsExactly("=", "Valkyria", "Chronicles",
                "III", "=", "<eos>");
        assertThat(tokens(Tokenization.PLAIN, " The <unk> @-@ class")).containsExactly("The", "<unk>", "@-@", "class", "<eos>");
        assertThat(tokens(Tokenization.PLAIN, " ")).as("a blank line is a lone <eos>, as in PyTorch's example")
                .containsExactly("<eos>");
        assertThat(tokens(Tokenization.PLAIN, "")).containsExactly("<eos>");
    }

    @Test
    void whitespaceIsPythonsStrSplit() {
        assertThat(tokens(Tokenization.PLAIN, "a\u00a0b\u2009c\u0085d\u001fe\u3000f")).containsExactly("a", "b", "c", "d", "e", "f", "<eos>");
        assertThat(tokens(Tokenization.PLAIN, "a\u200bb")).as("a zero-width space is not whitespace").containsExactly("a\u200bb", "<eos>");
    }

    /** Python 3's {@code str.isspace} on the Basic Multilingual Plane, as it lists them. */
    private static final Set<Integer> PYTHON_SPACES = Set.of(0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85,
            0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028,
            0x2029, 0x202f, 0x205f, 0x3000);

    @Test
    void isSpaceIsPythonsOnEveryCharacter() {
        for (int c = 0; c <= 0xffff; c++) {
            assertThat(Tokenization.isSpace((char) c)).as("U+%04X", c).isEqualTo(PYTHON_SPACES.contains(c));
        }
    }
}
