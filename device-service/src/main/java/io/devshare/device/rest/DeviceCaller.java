package io.devshare.device.rest;

import jakarta.enterprise.context.RequestScoped;

import io.devshare.device.service.AuthenticatedDevice;
import io.devshare.device.service.ProblemWithHeaders;

/** The device calling the device API on this request, set by {@link DeviceAuthFilter} before the body is read. */
@RequestScoped
public class DeviceCaller {

    private AuthenticatedDevice device;

    void set(AuthenticatedDevice device) {
        this.device = device;
    }

    public AuthenticatedDevice device() {
        if (device == null) {
            throw ProblemWithHeaders.deviceUnauthorized();
        }
        return device;
    }
}
