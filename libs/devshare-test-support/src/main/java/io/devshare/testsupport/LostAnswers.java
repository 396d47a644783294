package io.devshare.testsupport;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * A service dying between an idempotent request's action and the answer kept for its {@code Idempotency-Key}, on
 * the real PostgreSQL: while installed, a trigger on {@code idempotency_record} fails every write of an answer (an
 * UPDATE) to a key starting with {@code prefix}, so the request fails at that point; other keys are not touched.
 * {@code sql} runs a script of statements in the service's database (e.g. with the test's reactive {@code Pool}).
 */
public final class LostAnswers implements AutoCloseable {

    private final String name;
    private final Consumer<String> sql;

    private LostAnswers(String name, Consumer<String> sql) {
        this.name = name;
        this.sql = sql;
    }

    public static LostAnswers forKeysStartingWith(String prefix, Consumer<String> sql) {
        if (!prefix.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("a prefix of letters, digits and dashes");
        }
        String name = "test_lose_answer_" + UUID.randomUUID().toString().replace("-", "");
        sql.accept("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " RAISE EXCEPTION 'test: the service died before it kept the answer to %', NEW.key; END $$;"
                + " CREATE TRIGGER " + name + " BEFORE UPDATE ON idempotency_record FOR EACH ROW"
                + " WHEN (NEW.key LIKE '" + prefix + "%') EXECUTE FUNCTION " + name + "()");
        return new LostAnswers(name, sql);
    }

    @Override
    public void close() {
        sql.accept("DROP TRIGGER " + name + " ON idempotency_record; DROP FUNCTION " + name + "()");
    }
}
