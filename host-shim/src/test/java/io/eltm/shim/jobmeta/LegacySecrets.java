package io.eltm.shim.jobmeta;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every secret a test legacy install holds, as stored and decoded: the DB password, each
 * {@code t_jdbc.password64}, each {@code t_connection_general.connection_parameters} and its
 * {@code secret64}. No output of the tool may contain any of them.
 */
final class LegacySecrets {

    private static final Pattern SECRET64 = Pattern.compile("secret64=(\\S+)");

    private LegacySecrets() {
    }

    static List<String> of(Database legacy) throws java.sql.SQLException {
        List<String> secrets = new ArrayList<>(List.of(PostgresServers.DB_PASSWORD));
        DatabaseProbe source = new DatabaseProbe(legacy);
        for (List<String> row : source.rows("SELECT password64 FROM t_jdbc")) {
            secrets.add(row.get(0));
            secrets.add(decode(row.get(0)));
        }
        for (List<String> row : source.rows("SELECT connection_parameters FROM t_connection_general")) {
            secrets.add(row.get(0));
            Matcher secret = SECRET64.matcher(row.get(0));
            if (!secret.find()) {
                throw new IllegalStateException("test connection parameters without a secret64");
            }
            secrets.add(secret.group(1));
            secrets.add(decode(secret.group(1)));
        }
        return secrets;
    }

    private static String decode(String base64) {
        return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
