package io.eltm.shim.jobmeta;

/**
 * One exported column.
 *
 * @param name the column's name on the source
 * @param type its type as PostgreSQL's {@code format_type} spells it, e.g. {@code character varying(20)}
 */
public record ColumnDef(String name, String type) {
}
