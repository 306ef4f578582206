package io.eltm.shim.agent;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eltm.api.ReleaseVersion;
import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.EltmOperationSpec;
import io.eltm.api.v1alpha1.Release;
import io.eltm.shim.RefusedException;

import org.junit.jupiter.api.Test;

/** The agent's own copy of the transport rule, and the VERSION check, as plain functions. */
class ReleaseGateTest {

    private static final String SUM = "ab".repeat(32);

    @Test
    void refusesPlainHttpWithNothingToVerifyItUnlessOptedIn() {
        Release bare = new Release("http://r.example/eltm-8.4.2.tar.gz", null);

        assertThatThrownBy(() -> ReleaseGate.refusePlainHttp("ns/op", bare.getUrl(), bare, false))
                .isInstanceOf(RefusedException.class).hasMessageContaining("operation ns/op")
                .hasMessageContaining("spec.release.url is plain http://");
        assertThatCode(() -> ReleaseGate.refusePlainHttp("ns/op", bare.getUrl(), bare, true)).doesNotThrowAnyException();
    }

    @Test
    void acceptsPlainHttpWithADigestOrAChecksumFetchedOverTls() {
        Release pinned = new Release("http://r.example/eltm-8.4.2.tar.gz", SUM);
        Release sums = new Release("http://r.example/eltm-8.4.2.tar.gz", null, "https://r.example/8.4.2.sha256", null);

        assertThatCode(() -> ReleaseGate.refusePlainHttp("ns/op", pinned.getUrl(), pinned, false))
                .doesNotThrowAnyException();
        assertThatCode(() -> ReleaseGate.refusePlainHttp("ns/op", sums.getUrl(), sums, false))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAChecksumUrlOverPlainHttpUnlessOptedIn() {
        Release sums = new Release("https://r.example/eltm-8.4.2.tar.gz", null, "http://r.example/8.4.2.sha256", null);

        assertThatThrownBy(() -> ReleaseGate.refusePlainHttp("ns/op", sums.getUrl(), sums, false))
                .isInstanceOf(RefusedException.class).hasMessageContaining("sha256Url is plain http://");
    }

    @Test
    void refusesATarballWhoseVersionIsNotTheTarget() {
        EltmOperation op = new EltmOperation();
        op.setSpec(new EltmOperationSpec());
        op.getSpec().setTargetVersion("8.5.0");

        assertThatThrownBy(() -> ReleaseGate.requireTargetVersion(op, "ns/op", "https://r.example/x.tar.gz",
                ReleaseVersion.parse("8.4.2")))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("has VERSION 8.4.2 but operation ns/op targets 8.5.0");
        op.getSpec().setTargetVersion("8.4.2");
        assertThatCode(() -> ReleaseGate.requireTargetVersion(op, "ns/op", "u", ReleaseVersion.parse("8.4.2")))
                .doesNotThrowAnyException();
    }
}
