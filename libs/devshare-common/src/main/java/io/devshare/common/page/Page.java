package io.devshare.common.page;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list. {@code nextCursor} is opaque; pass it back as {@code cursor} to get the next page; it is
 * null on the last page.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public <U> Page<U> map(Function<T, U> f) {
        return new Page<>(items.stream().map(f).toList(), nextCursor);
    }

    /**
     * Builds a page from {@code limit + 1} fetched rows: the extra row only tells that there is more.
     *
     * @param cursorOf the cursor of a row (the position after it)
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, PageCursor> cursorOf, Function<R, T> map) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? cursorOf.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(map).toList(), next);
    }
}
