package io.eltm.shim.jobmeta;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CopyTextDecoderTest {

    private final CopyTextDecoder decoder = new CopyTextDecoder();

    @Test
    void whatTheImportEncodesTheExportDecodesToTheSameValues() {
        String[] row = {"a\tb", "x\ny\rz", "C:\\in", null, "\\N", "été – \"quoted\"", "", "{\"sql\":\"a\\tb\"}"};

        String[] decoded = new String[row.length];
        decoder.decode(new CopyTextEncoder().encode(row), decoded);

        assertThat(decoded).containsExactly(row);
    }

    @Test
    void octalAndHexEscapesAndTheRarerControlCharactersAreUnderstood() {
        String[] decoded = new String[3];
        decoder.decode("\\101\\x42C\t\\b\\f\\v\t\\\\x41".getBytes(StandardCharsets.UTF_8), decoded);

        assertThat(decoded).containsExactly("ABC", "\b\f\u000b", "\\x41");
    }

    @Test
    void rowWithTheWrongNumberOfFieldsIsAnError() {
        assertThatThrownBy(() -> decoder.decode("a\tb\tc\n".getBytes(StandardCharsets.UTF_8), new String[2]))
                .hasMessageContaining("more than 2 fields");
        assertThatThrownBy(() -> decoder.decode("a\n".getBytes(StandardCharsets.UTF_8), new String[2]))
                .hasMessageContaining("1 fields instead of 2");
    }
}
