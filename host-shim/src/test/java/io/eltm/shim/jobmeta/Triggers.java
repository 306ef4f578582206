package io.eltm.shim.jobmeta;

/**
 * A target-side rule no plan can see: a trigger refusing the rows matching a condition, with a message
 * that quotes the whole row (as real triggers do), so a test sees whether the server's text leaks.
 */
final class Triggers {

    private Triggers() {
    }

    static String refusing(String table, String condition) {
        return """
                CREATE FUNCTION refuse_%1$s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF %2$s THEN RAISE EXCEPTION 'refused row %%', NEW; END IF;
                  RETURN NEW;
                END $$;
                CREATE TRIGGER refuse_%1$s BEFORE INSERT ON %1$s FOR EACH ROW EXECUTE FUNCTION refuse_%1$s();
                """.formatted(table, condition);
    }
}
