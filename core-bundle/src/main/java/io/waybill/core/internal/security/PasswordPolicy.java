package io.waybill.core.internal.security;

import io.waybill.core.api.OperationRefusedException;

import java.util.Locale;

/**
 * The one password rule of Waybill, for every password a person chooses (new users, own change, admin reset, the
 * first administrator from {@code WAYBILL_ADMIN_PASSWORD}): at least {@value #MIN_LENGTH} characters, not blank at
 * either end, and not the user name nor containing it (letter case ignored).
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    /** Longest accepted password (hashing cost stays bounded). */
    public static final int MAX_LENGTH = 200;
    /** Refusal code of a password that breaks the policy. */
    public static final String REFUSED = "password_policy";

    private PasswordPolicy() {
    }

    /** The reason the password is refused for the user, or null when it is acceptable. */
    public static String problem(String user, char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            return "The password needs at least " + MIN_LENGTH + " characters";
        }
        if (password.length > MAX_LENGTH) {
            return "The password may have at most " + MAX_LENGTH + " characters";
        }
        if (Character.isWhitespace(password[0]) || Character.isWhitespace(password[password.length - 1])) {
            return "The password may not start or end with a space";
        }
        for (char c : password) {
            if (Character.isISOControl(c)) {
                return "The password may not contain control characters";
            }
        }
        if (user != null && !user.isBlank()) {
            String lowerName = user.strip().toLowerCase(Locale.ROOT);
            String lowerPassword = new String(password).toLowerCase(Locale.ROOT);
            if (lowerPassword.contains(lowerName)) {
                return "The password may not be or contain the user name";
            }
        }
        return null;
    }

    /**
     * Returns normally when the password is acceptable.
     *
     * @throws OperationRefusedException code {@link #REFUSED} with the reason
     */
    public static void check(String user, char[] password) {
        String problem = problem(user, password);
        if (problem != null) {
            throw new OperationRefusedException(REFUSED, problem);
        }
    }
}
