package io.devshare.device.rest;

/** Example problem bodies and payloads for the OpenAPI document. */
final class Problems {

    private static final String BASE = "{\"type\":\"https://devshare.io/problems/";

    static final String DEVICE_NOT_FOUND =
            BASE + "not-found\",\"title\":\"Not found\",\"status\":404,\"detail\":\"No such device for your"
                    + " organization.\"}";
    static final String GROUP_NOT_FOUND =
            BASE + "not-found\",\"title\":\"Not found\",\"status\":404,\"detail\":\"No such device group for your"
                    + " organization.\"}";
    static final String FILE_NOT_FOUND =
            BASE + "not-found\",\"title\":\"Not found\",\"status\":404,\"detail\":\"No such field-data file for this"
                    + " device.\"}";
    static final String INVALID = BASE + "invalid-request\",\"title\":\"Invalid request\",\"status\":400,"
            + "\"detail\":\"serialNumber: must not be blank; tags[2]: size must be between 0 and 40\",\"errors\":"
            + "[{\"field\":\"serialNumber\",\"message\":\"must not be blank\"},{\"field\":\"tags[2]\",\"message\":"
            + "\"size must be between 0 and 40\"}]}";
    static final String MALFORMED = BASE + "malformed-request\",\"title\":\"Malformed request\",\"status\":400,"
            + "\"detail\":\"The request body has an invalid value at 'kind'.\",\"errors\":[{\"field\":\"kind\","
            + "\"message\":\"invalid value\"}]}";
    static final String BAD_BBOX = BASE + "invalid-request\",\"title\":\"Invalid request\",\"status\":400,"
            + "\"detail\":\"bbox: must be minLon,minLat,maxLon,maxLat in degrees\",\"errors\":[{\"field\":\"bbox\","
            + "\"message\":\"must be minLon,minLat,maxLon,maxLat in degrees\"}]}";
    static final String BAD_FILTER = BASE + "invalid-request\",\"title\":\"Invalid request\",\"status\":400,"
            + "\"detail\":\"kind: unknown value 'DRONE'\",\"errors\":[{\"field\":\"kind\",\"message\":\"unknown value"
            + " 'DRONE'\"}]}";
    static final String FORBIDDEN = BASE + "forbidden\",\"title\":\"Forbidden\",\"status\":403,\"detail\":"
            + "\"Your role does not allow this action.\"}";
    static final String NOT_OWNER = BASE + "forbidden\",\"title\":\"Forbidden\",\"status\":403,\"detail\":"
            + "\"Only the organization owning this device may do this.\"}";
    static final String LICENCES_EXHAUSTED = BASE + "licences-exhausted\",\"title\":\"Conflict\",\"status\":409,"
            + "\"detail\":\"Your organization's licence pool is exhausted: 50 of 50 licences in use. Delete a device"
            + " or ask the platform operator for a larger pool.\",\"size\":50,\"used\":50}";
    static final String SERIAL_TAKEN = BASE + "serial-number-taken\",\"title\":\"Conflict\",\"status\":409,"
            + "\"detail\":\"A device of manufacturer 'Trimble' with serial number '5834K01234' is already"
            + " registered.\",\"manufacturer\":\"Trimble\",\"serialNumber\":\"5834K01234\"}";
    static final String GROUP_NAME_TAKEN = BASE + "group-name-taken\",\"title\":\"Conflict\",\"status\":409,"
            + "\"detail\":\"Your organization already has a device group named 'Riverside rovers'.\",\"name\":"
            + "\"Riverside rovers\"}";
    static final String LICENCES_IN_USE = BASE + "licences-in-use\",\"title\":\"Conflict\",\"status\":409,"
            + "\"detail\":\"The pool of 'acme' cannot be smaller than its 12 licences in use; delete devices"
            + " first.\",\"size\":50,\"used\":12}";
    static final String DEVICE_UNAUTHORIZED = BASE + "device-unauthorized\",\"title\":\"Unauthorized\",\"status\":"
            + "401,\"detail\":\"Device credentials are required: HTTP Basic with the device id and its secret.\"}";
    static final String TOO_LARGE = BASE + "payload-too-large\",\"title\":\"Payload too large\",\"status\":413,"
            + "\"detail\":\"The file is larger than the limit of 52428800 bytes.\",\"maxBytes\":52428800}";
    static final String BAD_POSITION = BASE + "invalid-request\",\"title\":\"Invalid request\",\"status\":400,"
            + "\"detail\":\"lat: must be less than or equal to 90\",\"errors\":[{\"field\":\"lat\",\"message\":\"must"
            + " be less than or equal to 90\"}]}";

    static final String REGISTER = "{\"serialNumber\":\"5834K01234\",\"manufacturer\":\"Trimble\",\"model\":"
            + "\"SPS986\",\"kind\":\"GNSS_ROVER\",\"displayName\":\"Rover 7 (Riverside)\",\"tags\":[\"riverside\","
            + "\"survey\"]}";
    static final String REGISTERED = "{\"id\":\"0b6f6a3e-61c2-4b7e-9d0c-5a7a4f1e2c33\",\"serialNumber\":"
            + "\"5834K01234\",\"manufacturer\":\"Trimble\",\"model\":\"SPS986\",\"kind\":\"GNSS_ROVER\","
            + "\"displayName\":\"Rover 7 (Riverside)\",\"tags\":[\"riverside\",\"survey\"],\"owner\":{\"alias\":"
            + "\"acme\"},\"sharedWith\":[],\"sharedBy\":null,\"role\":null,\"activeAccount\":null,\"lastPosition\":"
            + "null,\"createdAt\":\"2026-11-24T08:00:00Z\",\"updatedAt\":\"2026-11-24T08:00:00Z\",\"credentials\":"
            + "{\"deviceId\":\"0b6f6a3e-61c2-4b7e-9d0c-5a7a4f1e2c33\",\"secret\":"
            + "\"q8Wv4ZrjQ1l2cXo0m3T9bNs7dKf5yHgA6uPeR1iLwEc\"}}";
    static final String DEVICE = "{\"id\":\"0b6f6a3e-61c2-4b7e-9d0c-5a7a4f1e2c33\",\"serialNumber\":\"5834K01234\","
            + "\"manufacturer\":\"Trimble\",\"model\":\"SPS986\",\"kind\":\"GNSS_ROVER\",\"displayName\":\"Rover 7"
            + " (Riverside)\",\"tags\":[\"riverside\",\"survey\"],\"owner\":{\"alias\":\"acme\"},\"sharedWith\":"
            + "[{\"alias\":\"subco\",\"role\":\"OPERATOR\"}],\"sharedBy\":null,\"role\":null,\"activeAccount\":null,"
            + "\"lastPosition\":{\"lat\":47.3769,\"lon\":8.5417,\"altitude\":408.2,\"accuracy\":0.02,\"recordedAt\":"
            + "\"2026-11-24T09:15:00Z\"},\"createdAt\":\"2026-11-24T08:00:00Z\",\"updatedAt\":"
            + "\"2026-11-24T08:00:00Z\"}";
    static final String DEVICE_PAGE = "{\"items\":[" + DEVICE + "],\"nextCursor\":"
            + "\"MjAyNi0xMS0yNFQwODowMDowMFp8MGI2ZjZhM2UtNjFjMi00YjdlLTlkMGMtNWE3YTRmMWUyYzMz\"}";
    static final String UPDATE = "{\"displayName\":\"Rover 7 (Harbour site)\",\"tags\":[\"harbour\"]}";
    static final String CREDENTIALS = "{\"deviceId\":\"0b6f6a3e-61c2-4b7e-9d0c-5a7a4f1e2c33\",\"secret\":"
            + "\"Zt1Lq0b9XyW2vU3sR4pO5nM6kJ7iH8gF9eD0cB1aA2E\"}";
    static final String LOCATIONS = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":"
            + "\"0b6f6a3e-61c2-4b7e-9d0c-5a7a4f1e2c33\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[8.5417,"
            + "47.3769,408.2]},\"properties\":{\"id\":\"0b6f6a3e-61c2-4b7e-9d0c-5a7a4f1e2c33\",\"displayName\":"
            + "\"Rover 7 (Riverside)\",\"kind\":\"GNSS_ROVER\",\"recordedAt\":\"2026-11-24T09:15:00Z\",\"accuracy\":"
            + "0.02}}],\"truncated\":false}";
    static final String GROUP_NAME = "{\"name\":\"Riverside rovers\"}";
    static final String GROUP = "{\"id\":\"7c3e2f10-4a8b-4c1d-9e5f-0a1b2c3d4e5f\",\"name\":\"Riverside rovers\","
            + "\"deviceCount\":1,\"deviceIds\":[\"0b6f6a3e-61c2-4b7e-9d0c-5a7a4f1e2c33\"],\"createdAt\":"
            + "\"2026-11-24T08:00:00Z\",\"updatedAt\":\"2026-11-24T08:00:00Z\"}";
    static final String GROUP_PAGE = "{\"items\":[{\"id\":\"7c3e2f10-4a8b-4c1d-9e5f-0a1b2c3d4e5f\",\"name\":"
            + "\"Riverside rovers\",\"deviceCount\":1,\"createdAt\":\"2026-11-24T08:00:00Z\",\"updatedAt\":"
            + "\"2026-11-24T08:00:00Z\"}],\"nextCursor\":null}";
    static final String LICENCES = "{\"organization\":\"acme\",\"size\":50,\"used\":12,\"available\":38}";
    static final String POOL_SIZE = "{\"size\":50}";
    static final String POSITION = "{\"lat\":47.3769,\"lon\":8.5417,\"altitude\":408.2,\"accuracy\":0.02,"
            + "\"recordedAt\":\"2026-11-24T09:15:00Z\"}";
    static final String FIELD_DATA = "{\"id\":\"3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9\",\"deviceId\":"
            + "\"0b6f6a3e-61c2-4b7e-9d0c-5a7a4f1e2c33\",\"filename\":\"survey-2026-11-24.job\",\"contentType\":"
            + "\"application/octet-stream\",\"size\":1048576,\"sha256\":"
            + "\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\",\"uploadedAt\":"
            + "\"2026-11-24T17:30:00Z\"}";
    static final String FIELD_DATA_PAGE = "{\"items\":[" + FIELD_DATA + "],\"nextCursor\":null}";
    static final String WORK = "{\"items\":[{\"id\":\"8e7d6c5b-4a39-4281-b7a6-958473625140\",\"kind\":\"DESIGN\","
            + "\"status\":\"PENDING\",\"projectId\":\"6d5c4b3a-2f1e-4d0c-9b8a-7f6e5d4c3b2a\",\"organization\":\"acme\","
            + "\"filename\":\"riverside-surface-v3.ttm\",\"contentType\":\"application/octet-stream\",\"size\":204800,"
            + "\"sha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\",\"href\":"
            + "\"/device-api/designs/8e7d6c5b-4a39-4281-b7a6-958473625140\",\"expiresAt\":null,\"createdAt\":"
            + "\"2026-12-01T09:00:00Z\"}]}";
    static final String TRANSFER_NOT_FOUND = BASE + "not-found\",\"title\":\"Not found\",\"status\":404,\"detail\":"
            + "\"No design transfer 8e7d6c5b-4a39-4281-b7a6-958473625140 for this device.\"}";
    static final String SESSION_NOT_FOUND = BASE + "not-found\",\"title\":\"Not found\",\"status\":404,\"detail\":"
            + "\"No open session 4b3a2918-0f7e-4d6c-85b4-a39281706f5e for this device (unknown or expired).\"}";
    static final String DESIGNS_UNAVAILABLE = BASE + "designs-unavailable\",\"title\":\"Designs unavailable\","
            + "\"status\":503,\"detail\":\"The design cannot be fetched right now; try again later.\"}";
    static final String DESIGN_STATUS = "{\"status\":\"FAILED\",\"message\":\"unsupported surface format\"}";
    static final String BAD_DESIGN_STATUS = BASE + "invalid-request\",\"title\":\"Invalid request\",\"status\":400,"
            + "\"detail\":\"status: must be one of APPLIED, FAILED\",\"errors\":[{\"field\":\"status\",\"message\":"
            + "\"must be one of APPLIED, FAILED\"}]}";

    private Problems() {}
}
