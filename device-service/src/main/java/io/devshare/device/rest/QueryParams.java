package io.devshare.device.rest;

import io.devshare.common.problem.ProblemException;
import io.devshare.device.repository.DeviceQueries;

/** Parses query parameters; a bad value is a 400 problem naming the parameter. */
final class QueryParams {

    private QueryParams() {}

    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw ProblemException.badRequest(field, "at most " + max + " characters");
        }
        return v;
    }

    /** {@code minLon,minLat,maxLon,maxLat} in degrees (minLon > maxLon crosses the antimeridian). */
    static DeviceQueries.BoundingBox bbox(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.split(",", -1);
        if (parts.length != 4) {
            throw badBbox();
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw badBbox();
            }
            if (!Double.isFinite(v[i])) {
                throw badBbox();
            }
        }
        if (Math.abs(v[0]) > 180 || Math.abs(v[2]) > 180) {
            throw ProblemException.badRequest("bbox", "longitudes must be between -180 and 180");
        }
        if (Math.abs(v[1]) > 90 || Math.abs(v[3]) > 90) {
            throw ProblemException.badRequest("bbox", "latitudes must be between -90 and 90");
        }
        if (v[1] > v[3]) {
            throw ProblemException.badRequest("bbox", "minLat must not be greater than maxLat");
        }
        return new DeviceQueries.BoundingBox(v[0], v[1], v[2], v[3]);
    }

    private static ProblemException badBbox() {
        return ProblemException.badRequest("bbox", "must be minLon,minLat,maxLon,maxLat in degrees");
    }
}
