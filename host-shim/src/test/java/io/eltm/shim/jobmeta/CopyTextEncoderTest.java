package io.eltm.shim.jobmeta;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CopyTextEncoderTest {

    private final CopyTextEncoder encoder = new CopyTextEncoder();

    @Test
    void separatorsAndBackslashesInValuesAreEscapedAndNullIsBackslashN() {
        String line = new String(encoder.encode(new String[] {"a\tb", "x\ny\rz", "C:\\in", null, "\\N", "été"}),
                StandardCharsets.UTF_8);

        assertThat(line).isEqualTo("a\\tb\tx\\ny\\rz\tC:\\\\in\t\\N\t\\\\N\tété\n");
    }
}
