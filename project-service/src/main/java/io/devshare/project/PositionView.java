package io.devshare.project;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last known position of a device (device-positions). */
@Entity
@Table(name = "position_view")
public class PositionView {

    @Id
    @Column(name = "device_id")
    public UUID deviceId;

    @Column(name = "owner_org", nullable = false)
    public String ownerOrg;

    public double lat;

    public double lon;

    public Double altitude;

    public Double accuracy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
