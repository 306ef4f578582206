package io.eltm.shim.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eltm.shim.RefusedException;

import org.junit.jupiter.api.Test;

/** Reading a published sha256 file: one digest, or the tarball's own line of a sha256sum listing. */
class Sha256FileTest {

    private static final String URL = "https://releases.example/eltm-portable-8.4.2.tar.gz.sha256";
    private static final String TARBALL = "eltm-portable-8.4.2.tar.gz";
    private static final String A = "ab".repeat(32);
    private static final String B = "CD".repeat(32);

    @Test
    void aBareDigestIsTheDigest() {
        assertThat(Sha256File.parse(A + "\n", URL, TARBALL)).isEqualTo(A);
    }

    @Test
    void aListingGivesTheTarballsOwnLineInLowerCase() {
        String listing = "# published digests\n" + A + "  eltm-portable-8.4.1.tar.gz\n" + B + " *" + TARBALL + "\n";

        assertThat(Sha256File.parse(listing, URL, TARBALL)).isEqualTo(B.toLowerCase());
    }

    @Test
    void refusesAListingWithoutTheTarballNamingIt() {
        assertThatThrownBy(() -> Sha256File.parse(A + "  other.tar.gz\n", URL, TARBALL))
                .isInstanceOf(RefusedException.class).hasMessageContaining("has no digest for " + TARBALL)
                .hasMessageContaining(URL);
    }

    @Test
    void refusesAFileThatIsNotSha256sumOutput() {
        assertThatThrownBy(() -> Sha256File.parse("<html>not found</html>", URL, TARBALL))
                .isInstanceOf(RefusedException.class).hasMessageContaining("not in sha256sum format")
                .hasMessageContaining("<html>");
    }
}
