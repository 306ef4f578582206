package io.eltm.shim.jobmeta;

import java.util.List;
import java.util.stream.Collectors;

/** Identifier quoting for the SQL this package builds from catalog names. */
final class Sql {

    private Sql() {
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String table(String name) {
        return "public." + quote(name);
    }

    static String columnList(List<String> names) {
        return names.stream().map(Sql::quote).collect(Collectors.joining(", "));
    }
}
