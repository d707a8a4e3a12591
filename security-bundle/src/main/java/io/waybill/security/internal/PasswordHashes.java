package io.waybill.security.internal;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one password hash format of Waybill: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (PBKDF2-HMAC-SHA256,
 * 16-byte random salt, 32-byte key, unpadded base64), the value Karaf keeps between {@code {CRYPT}} markers in
 * {@code etc/users.properties}. Unsalted SHA-512 hex written by earlier Waybill installs still verifies; {@link
 * #needsRehash} says when a stored value should be replaced at the next successful login.
 */
public final class PasswordHashes {

    /** Iterations when {@code encryption.iterations} is not set (OWASP's 2021 figure for PBKDF2-HMAC-SHA256; about 0.2 s per login here). */
    public static final int DEFAULT_ITERATIONS = 310_000;
    /** Fewer iterations are refused in configuration; hashes with fewer still verify but are upgraded. */
    public static final int MIN_ITERATIONS = 100_000;
    static final String SCHEME = "pbkdf2-sha256";
    private static final Pattern FORMAT = Pattern.compile("pbkdf2-sha256\\$(\\d{1,9})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Pattern LEGACY_SHA512 = Pattern.compile("[0-9a-fA-F]{128}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHashes() {
    }

    /** A new salted hash of the password. */
    public static String hash(String password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(pbkdf2(password, salt, iterations));
    }

    /** Whether the password matches the stored value (this format, or an earlier install's SHA-512 hex). */
    public static boolean verify(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        Matcher m = FORMAT.matcher(stored);
        if (m.matches()) {
            int iterations = Integer.parseInt(m.group(1));
            if (iterations < 1) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(m.group(2));
            byte[] expected = Base64.getDecoder().decode(m.group(3));
            return MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations, expected.length * 8));
        }
        if (LEGACY_SHA512.matcher(stored).matches()) {
            return MessageDigest.isEqual(HexFormat.of().parseHex(stored.toLowerCase()), sha512(password));
        }
        return false;
    }

    /** Whether a stored value is not this format or was made with fewer iterations than configured now. */
    public static boolean needsRehash(String stored, int iterations) {
        Matcher m = stored == null ? null : FORMAT.matcher(stored);
        return m == null || !m.matches() || Integer.parseInt(m.group(1)) < iterations;
    }

    /** The iteration count of the {@code encryption.iterations} option, or the default. */
    public static int iterations(Object option) {
        if (option == null || option.toString().isBlank()) {
            return DEFAULT_ITERATIONS;
        }
        int n;
        try {
            n = Integer.parseInt(option.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("encryption.iterations must be a number, not '" + option + "'");
        }
        if (n < MIN_ITERATIONS) {
            throw new IllegalArgumentException("encryption.iterations must be at least " + MIN_ITERATIONS);
        }
        return n;
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        return pbkdf2(password, salt, iterations, 256);
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] sha512(String password) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
