package io.devshare.sharing.authority;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.StampedLock;

import io.devshare.sharing.Basis;
import io.devshare.sharing.Capability;
import io.devshare.sharing.Decision;
import io.devshare.sharing.Role;

/**
 * Everything an access check reads, in memory: the owner of each device, the devices of each group, and every
 * active grant (its grantee, capabilities and rental period). It decides exactly as {@code AccessService.CHECK}
 * does in PostgreSQL: the owner of a live device, else an active direct grant inside its period with the
 * capability, else such a grant on a group the device is in.
 *
 * <p>One writer at a time (the replica's notification handler); any number of readers, which read optimistically
 * (a {@link StampedLock} stamp, validated after the read) and fall back to the read lock when a write overlapped.
 * About 60 bytes per active grant and 60 per device (measured: README, "The access authority's copy").
 */
final class AccessTable {

    /** A grant as the check needs it; replaced, never changed. */
    record Entry(long idHi, long idLo, int org, int capabilities, String role, long startsAt, long endsAt) {

        boolean effectiveFor(int org, int capability, long now) {
            return this.org == org && (capabilities & capability) != 0 && startsAt <= now && now < endsAt;
        }

        boolean is(UUID id) {
            return idHi == id.getMostSignificantBits() && idLo == id.getLeastSignificantBits();
        }
    }

    private static final Entry[] NO_ENTRIES = new Entry[0];
    private static final int[] NO_GROUPS = new int[0];

    private final StampedLock lock = new StampedLock();
    private final Map<String, Integer> orgs = new ConcurrentHashMap<>();
    private final UuidIndex devices;
    private final UuidIndex groups;
    /** By device number: the owner's number, or -1 (unknown or deleted). */
    private int[] owner;
    /** By device number: its active direct grants (usually none or a few). */
    private Entry[][] direct;
    /** By device number: the numbers of the groups it is in. */
    private int[][] groupsOf;
    /** By group number: its active grant (at most one: a group is shared with one organization at a time). */
    private Entry[] groupGrant;

    private int activeGrants;

    AccessTable(int expectedDevices, int expectedGroups) {
        devices = new UuidIndex(expectedDevices);
        groups = new UuidIndex(expectedGroups);
        owner = new int[Math.max(16, expectedDevices)];
        Arrays.fill(owner, -1);
        direct = new Entry[owner.length][];
        groupsOf = new int[owner.length][];
        groupGrant = new Entry[Math.max(16, expectedGroups)];
    }

    static int bit(Capability capability) {
        return 1 << capability.ordinal();
    }

    static int bits(String[] wireNames) {
        int bits = 0;
        for (String name : wireNames) {
            bits |= Capability.fromWire(name).map(AccessTable::bit).orElse(0);
        }
        return bits;
    }

    // ---- reading

    /** The decision for {@code org} doing {@code capability} on {@code deviceId} at {@code now} (epoch ms). */
    Decision decide(String org, UUID deviceId, Capability capability, long now) {
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0) {
            try {
                Decision d = decideUnlocked(org, deviceId, bit(capability), now);
                if (lock.validate(stamp)) {
                    return d;
                }
            } catch (RuntimeException overlappedAWrite) {
                // A write changed the arrays under the read: read again under the lock.
            }
        }
        stamp = lock.readLock();
        try {
            return decideUnlocked(org, deviceId, bit(capability), now);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    private Decision decideUnlocked(String orgAlias, UUID deviceId, int capability, long now) {
        Integer orgNumber = orgs.get(orgAlias);
        int d = orgNumber == null ? -1 : devices.get(deviceId);
        if (d < 0) {
            return DENIED;
        }
        int org = orgNumber;
        int[] owners = owner;
        if (d < owners.length && owners[d] == org) {
            return OWNER;
        }
        Entry[][] directs = direct;
        Entry[] own = d < directs.length ? directs[d] : null;
        if (own != null) {
            for (Entry e : own) {
                if (e.effectiveFor(org, capability, now)) {
                    return new Decision(true, Basis.GRANT, new UUID(e.idHi(), e.idLo()), null, e.role());
                }
            }
        }
        int[][] memberships = groupsOf;
        int[] in = d < memberships.length ? memberships[d] : null;
        if (in != null) {
            Entry[] byGroup = groupGrant;
            for (int g : in) {
                Entry e = byGroup[g];
                if (e != null && e.effectiveFor(org, capability, now)) {
                    return new Decision(true, Basis.GRANT, new UUID(e.idHi(), e.idLo()), groups.uuid(g), e.role());
                }
            }
        }
        return DENIED;
    }

    private static final Decision DENIED = new Decision(false, Basis.NONE, null, null, null);
    private static final Decision OWNER = new Decision(true, Basis.OWNER, null, null, null);

    int activeGrants() {
        return activeGrants;
    }

    int devices() {
        return devices.size();
    }

    // ---- writing (the state after a committed change, as the notifications and the snapshot give it)

    void device(UUID deviceId, String ownerAlias, boolean deleted) {
        long stamp = lock.writeLock();
        try {
            int d = deviceNumber(deviceId);
            owner[d] = deleted ? -1 : org(ownerAlias);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    void membership(UUID groupId, UUID deviceId, boolean member) {
        long stamp = lock.writeLock();
        try {
            int d = deviceNumber(deviceId);
            int g = groupNumber(groupId);
            int[] in = groupsOf[d] == null ? NO_GROUPS : groupsOf[d];
            int at = indexOf(in, g);
            if (member && at < 0) {
                int[] more = Arrays.copyOf(in, in.length + 1);
                more[in.length] = g;
                groupsOf[d] = more;
            } else if (!member && at >= 0) {
                int[] fewer = new int[in.length - 1];
                System.arraycopy(in, 0, fewer, 0, at);
                System.arraycopy(in, at + 1, fewer, at, in.length - at - 1);
                groupsOf[d] = fewer.length == 0 ? null : fewer;
            }
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /**
     * A grant's state after a change: kept while {@code active}, dropped otherwise (revoked, expired). Exactly one of
     * {@code deviceId} and {@code groupId} is set.
     */
    void grant(
            UUID id,
            boolean active,
            String grantee,
            UUID deviceId,
            UUID groupId,
            String role,
            int capabilities,
            long startsAt,
            long endsAt) {
        long stamp = lock.writeLock();
        try {
            role = canonical(role);
            Entry entry = active
                    ? new Entry(
                            id.getMostSignificantBits(),
                            id.getLeastSignificantBits(),
                            org(grantee),
                            capabilities,
                            role,
                            startsAt,
                            endsAt)
                    : null;
            if (deviceId != null) {
                directGrant(deviceNumber(deviceId), id, entry);
            } else if (groupId != null) {
                int g = groupNumber(groupId);
                Entry before = groupGrant[g];
                if (entry != null) {
                    activeGrants += before == null ? 1 : 0;
                    groupGrant[g] = entry;
                } else if (before != null && before.is(id)) {
                    activeGrants--;
                    groupGrant[g] = null;
                }
            }
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Replaces the device's grant with the same id or the same grantee (one active per pair), or drops it. */
    private void directGrant(int d, UUID id, Entry entry) {
        Entry[] now = direct[d] == null ? NO_ENTRIES : direct[d];
        int at = -1;
        for (int i = 0; i < now.length; i++) {
            if (now[i].is(id) || (entry != null && now[i].org() == entry.org())) {
                at = i;
                break;
            }
        }
        if (entry != null) {
            Entry[] next = at >= 0 ? now.clone() : Arrays.copyOf(now, now.length + 1);
            next[at >= 0 ? at : now.length] = entry;
            activeGrants += at >= 0 ? 0 : 1;
            direct[d] = next;
        } else if (at >= 0) {
            Entry[] next = new Entry[now.length - 1];
            System.arraycopy(now, 0, next, 0, at);
            System.arraycopy(now, at + 1, next, at, now.length - at - 1);
            activeGrants--;
            direct[d] = next.length == 0 ? null : next;
        }
    }

    /** The role's name as one shared string (a million grants would otherwise hold a million copies). */
    private static String canonical(String role) {
        for (Role r : ROLES) {
            if (r.name().equals(role)) {
                return r.name();
            }
        }
        return role == null ? null : role.intern();
    }

    private static final Role[] ROLES = Role.values();

    private int org(String alias) {
        Integer n = orgs.get(alias);
        if (n == null) {
            n = orgs.size();
            orgs.put(alias, n);
        }
        return n;
    }

    private int deviceNumber(UUID id) {
        int d = devices.add(id);
        if (d >= owner.length) {
            int length = Math.max(d + 1, owner.length * 2);
            int[] grown = Arrays.copyOf(owner, length);
            Arrays.fill(grown, owner.length, length, -1);
            direct = Arrays.copyOf(direct, length);
            groupsOf = Arrays.copyOf(groupsOf, length);
            owner = grown;
        }
        return d;
    }

    private int groupNumber(UUID id) {
        int g = groups.add(id);
        if (g >= groupGrant.length) {
            groupGrant = Arrays.copyOf(groupGrant, Math.max(g + 1, groupGrant.length * 2));
        }
        return g;
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
