package io.eltm.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReleaseVersionTest {

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "8.10.0,    >, 8.9.1",
        "8.4.2,     >, 8.4.1",
        "8.4.2-rc1, <, 8.4.2",
        "8.4.2-rc1, <, 8.4.2-rc2",
        "8.4.2-rc9, >, 8.4.1",
        "8.4,       =, 8.4.0",
        "9,         >, 8.99.99",
        "8.4.0.1,   >, 8.4",
        "10.0.0,    >, 9.9.9",
        "8.4.2,     =, 8.4.2",
    })
    void comparesDottedNumbersNumericallyAndSuffixesFirst(String left, String relation, String right) {
        int comparison = ReleaseVersion.parse(left).compareTo(ReleaseVersion.parse(right));
        switch (relation) {
            case ">" -> assertThat(comparison).isPositive();
            case "<" -> assertThat(comparison).isNegative();
            default -> assertThat(comparison).isZero();
        }
        assertThat(Integer.signum(ReleaseVersion.parse(right).compareTo(ReleaseVersion.parse(left))))
                .isEqualTo(-Integer.signum(comparison));
    }

    @Test
    void equalVersionsAreEqualObjectsWithEqualHashes() {
        assertThat(ReleaseVersion.parse("8.4")).isEqualTo(ReleaseVersion.parse("8.4.0"))
                .hasSameHashCodeAs(ReleaseVersion.parse("8.4.0"));
    }

    @Test
    void printsAsWritten() {
        assertThat(ReleaseVersion.parse("8.10.0-rc1")).hasToString("8.10.0-rc1");
        assertThat(ReleaseVersion.parse("8.4.0")).hasToString("8.4.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v8.4.2", "8..4", "8.4.", "8.4.2-", "8.4.2 rc1", "latest", "-rc1", "1234567890.1"})
    void refusesInvalidVersionsNamingTheString(String text) {
        assertThatThrownBy(() -> ReleaseVersion.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
        assertThat(text.matches(ReleaseVersion.REGEX)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.4.2", "8.10.0", "8.4.2-rc1", "8", "8.4.2-rc.1"})
    void regexAcceptsWhatParseAccepts(String text) {
        assertThat(text.matches(ReleaseVersion.REGEX)).isTrue();
        assertThat(ReleaseVersion.parse(text)).hasToString(text);
    }
}
