package io.devshare.common.problem;

import java.net.URI;

/** Problem type URIs: one stable, documented URI per kind of problem. */
public final class Problems {

    public static final String TYPE_BASE = "https://devshare.io/problems/";

    private Problems() {}

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }
}
