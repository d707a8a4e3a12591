package io.waybill.core.internal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * Karaf's {@code etc/users.properties}, read and appended to by the first-admin bootstrap. Passwords are written
 * only as {@code {CRYPT}SHA-512-hex{CRYPT}}, the format Karaf's JAAS properties realm checks when encryption is on.
 */
public final class UsersFile {

    /** Roles the Waybill admin group carries: Karaf's admin roles plus Waybill's three. */
    public static final String ADMIN_GROUP_LINE =
            "_g_\\:waybilladmins = group,admin,manager,viewer,systembundles,ssh,operator,supervisor";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Path file;

    public UsersFile(Path file) {
        this.file = file;
    }

    /** Whether an active (not commented out) user line exists. */
    public boolean hasAnyUser() throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("!"))
                .anyMatch(l -> !l.startsWith("_g_") && l.contains("="));
    }

    /** Appends an admin user with the given password (stored hashed) and the Waybill admin group. */
    public void addAdmin(String user, String password) throws IOException {
        if (!user.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("User name may contain letters, digits, '.', '_' and '-' only");
        }
        String text = System.lineSeparator() + "# Waybill first administrator (password stored as SHA-512)"
                + System.lineSeparator() + user + " = " + crypt(password) + ",_g_:waybilladmins"
                + System.lineSeparator() + ADMIN_GROUP_LINE + System.lineSeparator();
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Karaf JAAS "basic" encryption format for SHA-512 / hexadecimal. */
    public static String crypt(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512").digest(password.getBytes(StandardCharsets.UTF_8));
            return "{CRYPT}" + HexFormat.of().formatHex(digest) + "{CRYPT}";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A random password of the given length from an unambiguous alphabet. */
    public static String randomPassword(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
