package io.devshare.common.keycloak;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import io.smallrye.mutiny.Uni;

/** Reads a paged Keycloak admin listing ({@code first}, {@code max}) to its end. */
public final class KeycloakPages {

    /** Items asked for per page. */
    public static final int SIZE = 100;

    private KeycloakPages() {}

    /**
     * Every item: {@code page.apply(first)} asks for {@link #SIZE} items from {@code first}, page after page, until a
     * page comes back short.
     */
    public static <T> Uni<List<T>> all(IntFunction<Uni<List<T>>> page) {
        return from(0, page, new ArrayList<>());
    }

    private static <T> Uni<List<T>> from(int first, IntFunction<Uni<List<T>>> page, List<T> acc) {
        return page.apply(first).chain(items -> {
            acc.addAll(items);
            return items.size() < SIZE ? Uni.createFrom().item(acc) : from(first + SIZE, page, acc);
        });
    }
}
