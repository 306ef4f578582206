package io.eltm.shim.jobmeta;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CopyTextDecoderTest {

    private final CopyTextDecoder decoder = new CopyTextDecoder();

    @Test
    void escapedSeparatorsBackslashesNullsAndUnicodeDecodeToTheirValues() {
        String[] decoded = decode("a\\tb\tx\\ny\\rz\tC:\\\\in\t\\N\t\\\\N\tété – \"quoted\"\t", 7);

        assertThat(decoded).containsExactly("a\tb", "x\ny\rz", "C:\\in", null, "\\N", "été – \"quoted\"", "");
    }

    @Test
    void octalAndHexEscapesAndTheRarerControlCharactersAreUnderstood() {
        assertThat(decode("\\101\\x42C\t\\b\\f\\v\t\\\\x41", 3)).containsExactly("ABC", "\b\f\u000b", "\\x41");
    }

    @Test
    void rowWithTheWrongNumberOfFieldsIsAnError() {
        assertThatThrownBy(() -> decode("a\tb\tc", 2)).hasMessageContaining("more than 2 fields");
        assertThatThrownBy(() -> decode("a", 2)).hasMessageContaining("1 fields instead of 2");
    }

    private String[] decode(String line, int fields) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        String[] values = new String[fields];
        decoder.decode(bytes, bytes.length, values);
        return values;
    }
}
