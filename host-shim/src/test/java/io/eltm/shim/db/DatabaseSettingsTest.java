package io.eltm.shim.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** List settings as PostgreSQL stores them in {@code pg_db_role_setting}, split back into elements. */
class DatabaseSettingsTest {

    @Test
    void splitsQuotedAndPlainElements() {
        assertThat(DatabaseSettings.splitList("\"$user\", public, \"Audit Schema\""))
                .containsExactly("$user", "public", "Audit Schema");
    }

    @Test
    void undoublesQuotesInsideQuotedElements() {
        assertThat(DatabaseSettings.splitList("\"a\"\"b\",c")).containsExactly("a\"b", "c");
    }

    @Test
    void anEmptyListHasNoElements() {
        assertThat(DatabaseSettings.splitList("")).isEmpty();
    }
}
