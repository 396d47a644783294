package io.devshare.console.web;

import java.util.ArrayList;
import java.util.List;

import io.devshare.console.client.ProjectApi;

/**
 * A project's devices at their last positions, from project-service's GeoJSON, as points in an SVG drawn by the
 * page itself: no map tiles, nothing fetched from the internet. The view box fits the points (equirectangular,
 * longitudes shrunk by the cosine of the mean latitude so distances look right), with a margin.
 */
public record MapView(List<Dot> dots, boolean truncated, String scale) {

    static final double WIDTH = 640;
    static final double HEIGHT = 360;
    static final double MARGIN = 40;

    /** A device on the map: where it is drawn, and what it is. */
    public record Dot(double x, double y, String label, String owner, String recordedAt, double lat, double lon) {}

    public boolean isEmpty() {
        return dots.isEmpty();
    }

    static MapView of(ProjectApi.Map map) {
        List<ProjectApi.Feature> features = new ArrayList<>();
        if (map != null && map.features() != null) {
            for (ProjectApi.Feature f : map.features()) {
                if (f.geometry() != null
                        && f.geometry().coordinates() != null
                        && f.geometry().coordinates().size() >= 2) {
                    features.add(f);
                }
            }
        }
        if (features.isEmpty()) {
            return new MapView(List.of(), map != null && map.truncated(), "");
        }
        double minLon = Double.MAX_VALUE,
                maxLon = -Double.MAX_VALUE,
                minLat = Double.MAX_VALUE,
                maxLat = -Double.MAX_VALUE;
        for (ProjectApi.Feature f : features) {
            double lon = f.geometry().coordinates().get(0),
                    lat = f.geometry().coordinates().get(1);
            minLon = Math.min(minLon, lon);
            maxLon = Math.max(maxLon, lon);
            minLat = Math.min(minLat, lat);
            maxLat = Math.max(maxLat, lat);
        }
        double k = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        // At least ~100 m across, so one device (or devices on one spot) sits in the middle.
        double spanX = Math.max((maxLon - minLon) * k, 0.001);
        double spanY = Math.max(maxLat - minLat, 0.001);
        double scale = Math.min((WIDTH - 2 * MARGIN) / spanX, (HEIGHT - 2 * MARGIN) / spanY);
        double cx = (minLon + maxLon) / 2, cy = (minLat + maxLat) / 2;
        List<Dot> dots = new ArrayList<>();
        for (ProjectApi.Feature f : features) {
            double lon = f.geometry().coordinates().get(0),
                    lat = f.geometry().coordinates().get(1);
            double x = WIDTH / 2 + (lon - cx) * k * scale;
            double y = HEIGHT / 2 - (lat - cy) * scale;
            ProjectApi.Properties p = f.properties();
            dots.add(new Dot(
                    Math.round(x * 10) / 10.0,
                    Math.round(y * 10) / 10.0,
                    p == null || p.displayName() == null ? "device" : p.displayName(),
                    p == null ? "" : p.ownerOrg(),
                    p == null || p.recordedAt() == null ? "" : p.recordedAt().toString(),
                    lat,
                    lon));
        }
        // Metres per 100 px, for the scale bar (1 degree of latitude ≈ 111,320 m).
        long metres = Math.round(100 / scale * 111_320);
        return new MapView(dots, map.truncated(), metres >= 1000 ? (metres / 100) / 10.0 + " km" : metres + " m");
    }
}
