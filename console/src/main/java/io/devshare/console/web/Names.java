package io.devshare.console.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

import io.devshare.console.client.DeviceApi;
import io.devshare.console.client.DeviceApi.Device;
import io.devshare.console.client.DeviceApi.Group;
import io.devshare.console.client.Page;
import io.devshare.console.text.Language;
import io.devshare.console.text.Sentences;

/**
 * The names people know devices and groups by, for pages that show grants or report lines by their ids (the sharing
 * pages, the utilisation report): one page of each, enough for a page's first screen; what is not among them is
 * named by whose group it is, or by the start of its id.
 */
final class Names {

    private final Map<UUID, String> byId;

    private Names(Map<UUID, String> byId) {
        this.byId = byId;
    }

    static final Names NONE = new Names(Map.of());

    /**
     * The first 100 devices of {@code ownership} (null: every device the organization sees) and, with
     * {@code groups}, the first 100 of the organization's own groups.
     */
    static Uni<Names> of(DeviceApi devices, String ownership, boolean groups) {
        Uni<List<Device>> ds = devices.devices(ownership, null, null, 100).map(Page::items);
        Uni<List<Group>> gs = groups
                ? devices.groups(null, 100).map(Page::items)
                : Uni.createFrom().item(List.of());
        return Uni.combine().all().unis(ds, gs).asTuple().map(t -> {
            Map<UUID, String> m = new HashMap<>();
            t.getItem1().forEach(d -> m.put(d.id(), d.name()));
            t.getItem2().forEach(g -> m.put(g.id(), g.name()));
            return new Names(m);
        });
    }

    /** A device, or (when {@code groupId} is set) a group of {@code ownerOrg}'s devices, as a person names it. */
    String what(UUID groupId, UUID deviceId, String ownerOrg) {
        Sentences m = Language.current().sentences();
        UUID id = groupId != null ? groupId : deviceId;
        String name = id == null ? null : byId.get(id);
        if (groupId != null) {
            // A partner's groups are its own: the grantee knows the group by whose it is, not by its name.
            return name != null ? m.groupNamed(name) : m.aGroupOf(ownerOrg);
        }
        return name != null ? name : m.aDevice(id == null ? "?" : id.toString().substring(0, 8));
    }
}
