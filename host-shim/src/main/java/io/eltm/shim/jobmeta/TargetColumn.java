package io.eltm.shim.jobmeta;

/**
 * A column of the target (modern) table.
 *
 * @param name       its name
 * @param type       its full type, e.g. {@code character varying(200)}
 * @param baseType   the type without modifiers, e.g. {@code character varying}: what drifted values are cast to,
 *                   so that the insert's own assignment still refuses a value too long instead of cutting it
 * @param notNull    whether it is {@code NOT NULL}
 * @param hasDefault whether it has a default (or is an identity column)
 * @param generated  whether it is a generated column, which is never written
 */
public record TargetColumn(String name, String type, String baseType, boolean notNull, boolean hasDefault,
        boolean generated) {
}
