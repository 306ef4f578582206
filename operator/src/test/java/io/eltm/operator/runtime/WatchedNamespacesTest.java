package io.eltm.operator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javaoperatorsdk.operator.api.reconciler.Constants;
import org.junit.jupiter.api.Test;

class WatchedNamespacesTest {

    @Test
    void unsetOrBlankWatchesEveryNamespace() {
        assertThat(WatchedNamespaces.parse(null)).isEqualTo(Constants.WATCH_ALL_NAMESPACE_SET);
        assertThat(WatchedNamespaces.parse(" , ")).isEqualTo(Constants.WATCH_ALL_NAMESPACE_SET);
        assertThat(WatchedNamespaces.describe(WatchedNamespaces.parse(""))).isEqualTo("all namespaces");
    }

    @Test
    void aListWatchesExactlyThoseNamespaces() {
        var watched = WatchedNamespaces.parse("eltm-emea, eltm-apac,eltm-emea");

        assertThat(watched).containsExactlyInAnyOrder("eltm-emea", "eltm-apac");
        assertThat(WatchedNamespaces.describe(watched)).isEqualTo("namespaces eltm-apac, eltm-emea");
    }

    @Test
    void aNameThatIsNoNamespaceIsRefusedNamingItAndTheFix() {
        assertThatThrownBy(() -> WatchedNamespaces.parse("eltm-emea,Sales_EU"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Sales_EU'")
                .hasMessageContaining("watchNamespaces");
    }
}
