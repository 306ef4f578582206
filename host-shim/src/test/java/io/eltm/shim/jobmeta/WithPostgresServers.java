package io.eltm.shim.jobmeta;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Hands a test class its {@link PostgresServers}, started once per class and stopped after it
 * (kept in the class's extension store, not in static fields).
 */
public final class WithPostgresServers implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(ExtensionContext.Namespace.create(WithPostgresServers.class))
                .getOrComputeIfAbsent("servers", key -> new Started(startServers()), Started.class).servers();
    }

    private static PostgresServers startServers() {
        try {
            return PostgresServers.start();
        } catch (IOException e) {
            throw new ParameterResolutionException("could not start the test PostgreSQL servers", e);
        }
    }

    /** Closes the servers when the class's store closes. */
    private record Started(PostgresServers servers) implements AutoCloseable {
        @Override
        public void close() {
            try {
                servers.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
