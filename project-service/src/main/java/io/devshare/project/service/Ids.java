package io.devshare.project.service;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-ordered ids (UUID version 7 layout: milliseconds, then a per-process counter): rows written in one
 * transaction at one instant still list in the order they were written (activity pages by time and id).
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong LAST = new AtomicLong();

    private Ids() {}

    public static UUID ordered() {
        long stamp = LAST.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() << 12));
        long millis = stamp >>> 12;
        long counter = stamp & 0xFFF;
        long msb = (millis << 16) | 0x7000L | counter;
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
