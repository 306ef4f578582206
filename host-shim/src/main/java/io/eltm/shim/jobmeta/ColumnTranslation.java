package io.eltm.shim.jobmeta;

/**
 * How one target column gets its value from a legacy row.
 *
 * @param target        the target column
 * @param sql           the SQL over the staged legacy row that yields it
 * @param kind          why: same name, renamed, cast, or the operator's expression
 * @param source        the legacy column it comes from, or {@code null} for an expression
 * @param sourceType    that legacy column's type, or {@code null}
 * @param targetType    the target column's type
 * @param zoneSensitive whether the value depends on the session's time zone (see {@link SourceTimeZone})
 */
public record ColumnTranslation(String target, String sql, Kind kind, String source, String sourceType,
        String targetType, boolean zoneSensitive) {

    public enum Kind { SAME, RENAMED, CAST, RENAMED_CAST, EXPRESSION }

    /**
     * One line for the plan, e.g. {@code enabled <- is_active (renamed, character(1) cast to boolean)};
     * a zone-sensitive one ends with {@code read as ZONE}.
     */
    public String describe(SourceTimeZone zone) {
        String line = switch (kind) {
            case SAME -> target;
            case RENAMED -> target + " <- " + source + " (renamed)";
            case CAST -> target + " (" + sourceType + " cast to " + targetType + ")";
            case RENAMED_CAST -> target + " <- " + source + " (renamed, " + sourceType + " cast to " + targetType + ")";
            case EXPRESSION -> target + " <- " + sql + " (expression)";
        };
        return zoneSensitive ? line + " read as " + (zone.known() ? zone.zone() : "an unknown zone") : line;
    }
}
