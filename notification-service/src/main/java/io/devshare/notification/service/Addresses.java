package io.devshare.notification.service;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Plain email addresses: the only form that reaches an SMTP envelope or a header. */
public final class Addresses {

    /** No whitespace, no angle brackets, no separators or quotes that could smuggle a header or a second address. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>,;\"@]+@[^\\s<>,;\"@]+\\.[^\\s<>,;\"@]+");

    public static final int MAX_LENGTH = 254;

    private Addresses() {}

    public static boolean valid(String address) {
        return address != null
                && address.length() <= MAX_LENGTH
                && invisible(address).isEmpty()
                && ADDRESS.matcher(address).matches();
    }

    /**
     * The first character no address may hold, if any: a control (C0, C1), format (e.g. U+200B zero width space,
     * U+202E right-to-left override), line or paragraph separator (U+2028, U+2029), any space other than U+0020, or
     * half a surrogate pair. U+0020 is left to the address pattern (refused inside, stripped around).
     */
    public static OptionalInt invisible(String value) {
        return value.codePoints()
                .filter(c -> c != ' ')
                .filter(c -> switch (Character.getType(c)) {
                    case Character.CONTROL,
                            Character.FORMAT,
                            Character.LINE_SEPARATOR,
                            Character.PARAGRAPH_SEPARATOR,
                            Character.SPACE_SEPARATOR,
                            Character.SURROGATE -> true;
                    default -> false;
                })
                .findFirst();
    }

    /** A code point as {@code U+2028}. */
    public static String codePoint(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }

    /** The address as it is stored and compared: stripped, lower case. */
    public static String normalize(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
