package io.devshare.notification.service;

import java.util.Locale;
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
                && !address.chars().anyMatch(Character::isISOControl)
                && ADDRESS.matcher(address).matches();
    }

    /** The address as it is stored and compared: stripped, lower case. */
    public static String normalize(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
