package io.devshare.sharing.authority;

import java.util.Arrays;
import java.util.UUID;

/**
 * Dense numbers for UUIDs: the first UUID added is 0, the next 1, and so on; a number is never reused. Open
 * addressing over the UUIDs' two halves (no object per entry), linear probing, grown at three quarters full.
 *
 * <p>Not thread-safe: {@link AccessTable} writes it from one thread and validates its readers' optimistic reads.
 */
final class UuidIndex {

    private long[] msb;
    private long[] lsb;
    /** The slot's number + 1; 0 marks an empty slot. */
    private int[] numbers;

    /** The UUIDs by number. */
    private long[] byNumberMsb;

    private long[] byNumberLsb;
    private int size;

    UuidIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected + expected / 3 - 1)) << 1;
        msb = new long[capacity];
        lsb = new long[capacity];
        numbers = new int[capacity];
        byNumberMsb = new long[Math.max(16, expected)];
        byNumberLsb = new long[Math.max(16, expected)];
    }

    int size() {
        return size;
    }

    /** The number of {@code id}, or -1. */
    int get(UUID id) {
        return get(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    int get(long hi, long lo) {
        // Read once: a concurrent grow swaps the arrays (the reader's optimistic read is then invalid anyway).
        long[] m = msb;
        long[] l = lsb;
        int[] n = numbers;
        int k = m.length - 1;
        for (int i = slot(hi, lo) & k, probes = 0; probes <= k; i = (i + 1) & k, probes++) {
            int number = n[i];
            if (number == 0) {
                return -1;
            }
            if (m[i] == hi && l[i] == lo) {
                return number - 1;
            }
        }
        return -1;
    }

    /** The number of {@code id}, added if new. */
    int add(UUID id) {
        long hi = id.getMostSignificantBits();
        long lo = id.getLeastSignificantBits();
        int found = get(hi, lo);
        if (found >= 0) {
            return found;
        }
        if ((long) (size + 1) * 4 > (long) numbers.length * 3) {
            grow();
        }
        int number = size++;
        if (number == byNumberMsb.length) {
            byNumberMsb = Arrays.copyOf(byNumberMsb, number * 2);
            byNumberLsb = Arrays.copyOf(byNumberLsb, number * 2);
        }
        byNumberMsb[number] = hi;
        byNumberLsb[number] = lo;
        put(msb, lsb, numbers, hi, lo, number + 1);
        return number;
    }

    UUID uuid(int number) {
        return new UUID(byNumberMsb[number], byNumberLsb[number]);
    }

    private void grow() {
        int capacity = numbers.length * 2;
        long[] m = new long[capacity];
        long[] l = new long[capacity];
        int[] n = new int[capacity];
        for (int i = 0; i < numbers.length; i++) {
            if (numbers[i] != 0) {
                put(m, l, n, msb[i], lsb[i], numbers[i]);
            }
        }
        msb = m;
        lsb = l;
        numbers = n;
    }

    private static void put(long[] m, long[] l, int[] n, long hi, long lo, int value) {
        int k = n.length - 1;
        int i = slot(hi, lo) & k;
        while (n[i] != 0) {
            i = (i + 1) & k;
        }
        m[i] = hi;
        l[i] = lo;
        n[i] = value;
    }

    private static int slot(long hi, long lo) {
        long h = (hi ^ Long.rotateLeft(lo, 29)) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
