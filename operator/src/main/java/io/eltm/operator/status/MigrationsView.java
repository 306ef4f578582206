package io.eltm.operator.status;

import io.eltm.api.v1alpha1.MigrationState;
import java.util.List;

/** {@code status.migrations}: the schema the host reports and what the operator makes of it. */
public record MigrationsView(String current, List<String> pending, MigrationState state) {

    public MigrationsView {
        pending = pending == null ? List.of() : List.copyOf(pending);
    }
}
