package io.devshare.console.client;

import java.util.List;

/** One page of a service's list; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    public boolean hasNext() {
        return nextCursor != null;
    }

    public boolean isEmpty() {
        return items == null || items.isEmpty();
    }
}
