package io.eltm.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReleaseUrlsTest {

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource({
        "https://r.example.com/eltm-portable-{version}.tar.gz, 8.4.2, https://r.example.com/eltm-portable-8.4.2.tar.gz",
        "https://r.example.com/{version}/eltm.tar.gz,          8.4.2, https://r.example.com/8.4.2/eltm.tar.gz",
        "https://r.example.com/eltm-portable-8.4.2.tar.gz,     8.4.2, https://r.example.com/eltm-portable-8.4.2.tar.gz",
        "https://r.example.com/8.4.2/eltm.tar.gz,              8.4.2, https://r.example.com/8.4.2/eltm.tar.gz",
        "https://r.example.com/eltm-portable-8.4.2-rc1.tgz,    8.4.2-rc1, https://r.example.com/eltm-portable-8.4.2-rc1.tgz",
    })
    void resolvesTemplatesAndConcreteUrlsOfTheVersion(String url, String version, String resolved) {
        assertThat(ReleaseUrls.resolve(url, version)).contains(resolved);
    }

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource({
        "https://r.example.com/eltm-portable-8.4.1.tar.gz,     8.4.2",
        "https://r.example.com/eltm-portable-8.4.21.tar.gz,    8.4.2",
        "https://r.example.com/eltm-portable-18.4.2.tar.gz,    8.4.2",
        "https://r.example.com/eltm-portable-8.4.2-rc1.tar.gz, 8.4.2",
        "https://r.example.com/eltm-portable-latest.tar.gz,    8.4.2",
        "'',                                                   8.4.2",
    })
    void findsNoUrlForAnotherVersion(String url, String version) {
        assertThat(ReleaseUrls.resolve(url, version)).isEmpty();
    }
}
