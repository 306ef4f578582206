package io.eltm.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The same cases as the shim's ReleaseVersionTest: both must order versions alike (contract §4). */
class ReleaseVersionsTest {

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
        int comparison = ReleaseVersions.compare(left, right);
        switch (relation) {
            case ">" -> assertThat(comparison).isPositive();
            case "<" -> assertThat(comparison).isNegative();
            default -> assertThat(comparison).isZero();
        }
        assertThat(Integer.signum(ReleaseVersions.compare(right, left))).isEqualTo(-Integer.signum(comparison));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v8.4.2", "8..4", "8.4.", "8.4.2-", "8.4.2 rc1", "latest", "-rc1", "1234567890.1"})
    void refusesInvalidVersionsNamingTheString(String text) {
        assertThat(ReleaseVersions.isValid(text)).isFalse();
        assertThatThrownBy(() -> ReleaseVersions.compare(text, "8.4.2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }
}
