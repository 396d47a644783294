package io.devshare.device.service;

import java.util.List;
import java.util.Map;

import io.devshare.common.problem.ProblemException;

/** A problem whose response needs headers of its own (mapped by {@code rest.DeviceProblemMappers}). */
public class ProblemWithHeaders extends ProblemException {

    private final Map<String, String> responseHeaders;

    public ProblemWithHeaders(
            int status,
            String slug,
            String title,
            String detail,
            Map<String, Object> extensions,
            Map<String, String> responseHeaders) {
        super(status, slug, title, detail, List.of(), extensions);
        this.responseHeaders = Map.copyOf(responseHeaders);
    }

    public Map<String, String> responseHeaders() {
        return responseHeaders;
    }

    /** 401 with a Basic challenge: the device's credentials are missing or wrong (which one is not told). */
    public static ProblemWithHeaders deviceUnauthorized() {
        return new ProblemWithHeaders(
                401,
                "device-unauthorized",
                "Unauthorized",
                "Device credentials are required: HTTP Basic with the device id and its secret.",
                Map.of(),
                Map.of("WWW-Authenticate", "Basic realm=\"devshare-devices\", charset=\"UTF-8\""));
    }

    /** 413: the upload is larger than the configured limit; the connection is closed (the rest is not read). */
    public static ProblemWithHeaders tooLarge(long maxBytes) {
        return new ProblemWithHeaders(
                413,
                "payload-too-large",
                "Payload too large",
                "The file is larger than the limit of " + maxBytes + " bytes.",
                Map.of("maxBytes", maxBytes),
                Map.of("Connection", "close"));
    }
}
