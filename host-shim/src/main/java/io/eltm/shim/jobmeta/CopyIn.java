package io.eltm.shim.jobmeta;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/** One {@code COPY table (legacy columns) FROM STDIN} fed with an export section's rows as they are. */
final class CopyIn {

    private final PGCopyOutputStream copy;

    CopyIn(Connection connection, String table, TablePlan plan) throws SQLException {
        this.copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), "COPY " + table + " ("
                + Sql.columnList(plan.staging().stream().map(ColumnDef::name).toList()) + ") FROM STDIN", 1 << 16);
    }

    /** A row in COPY text format, without its newline. */
    void row(byte[] line, int length) throws IOException {
        copy.write(line, 0, length);
        copy.write('\n');
    }

    /** @return the rows the server took */
    long end() throws SQLException {
        return copy.endCopy();
    }

    /** After a failure: ends the COPY if still under way, so that the transaction can roll back to a savepoint. */
    void abandon() {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // the connection reports the COPY's own failure; nothing more to learn from this one
            }
        }
    }

    /** Copies each section into the staging table {@code tables} names for it (none: the section is skipped). */
    static ExportFileReader.Sink into(java.util.function.Function<String, StagingTable> tables) {
        return new ExportFileReader.Sink() {
            private CopyIn copy;

            @Override
            public boolean beginTable(TableSection declared) throws SQLException {
                StagingTable table = tables.apply(declared.table());
                copy = table == null ? null : table.copyIn();
                return copy != null;
            }

            @Override
            public void row(byte[] line, int length) throws IOException {
                copy.row(line, length);
            }

            @Override
            public void endTable(TableSection section) throws SQLException {
                if (copy != null) {
                    copy.end();
                }
            }
        };
    }
}
