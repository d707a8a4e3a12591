package io.waybill.plugin.kit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets kept out of Config Admin. Waybill's store management writes a plugin's PASSWORD setting to a file of its own
 * (mode 600, in the directory named by the framework property {@value #DIR_PROPERTY}, Karaf's {@code etc/}) and puts
 * only a reference {@code secret-file:<name>} into the configuration, so {@code config:list} (which shows Config
 * Admin's interpolated values, so a {@code $[secret:...]} placeholder would not hide the secret) never prints it. A
 * plugin reads its secret setting through {@link #resolve}: a reference becomes the file's content, any other value
 * is used as it is (a secret typed with {@code config:edit} before Waybill moved it).
 */
public final class SecretFiles {

    /** Framework property naming the secrets directory (set by Karaf for Felix's interpolation plugin). */
    public static final String DIR_PROPERTY = "org.apache.felix.configadmin.plugin.interpolation.secretsdir";
    /** Prefix of a reference. */
    public static final String PREFIX = "secret-file:";

    private static final Pattern REFERENCE = Pattern.compile("secret-file:([a-z0-9][a-z0-9-]{0,199})");
    private static final int MAX_BYTES = 16 * 1024;

    private SecretFiles() {
    }

    /**
     * The secrets directory as a plugin sees it: the system property {@value #DIR_PROPERTY}, else Karaf's
     * {@code karaf.etc} (Karaf sets the former to the latter); null outside Karaf.
     */
    public static Path defaultDir() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = System.getProperty("karaf.etc");
        }
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    /** Whether a configuration value is a reference to a secret file (not a secret itself). */
    public static boolean isReference(String value) {
        return value != null && REFERENCE.matcher(value.strip()).matches();
    }

    /**
     * The secret a setting stands for: the content of the referenced file (stripped), or the value itself when it is
     * no reference.
     *
     * @param dir the secrets directory; null outside a container
     * @throws IllegalArgumentException the file cannot be read; the text names the file, never a secret
     */
    public static String resolve(String value, Path dir) {
        if (value == null) {
            return null;
        }
        Matcher m = REFERENCE.matcher(value.strip());
        if (!m.matches()) {
            return value;
        }
        if (dir == null) {
            throw new IllegalArgumentException("the secrets directory (" + DIR_PROPERTY + ") is not set, so secret"
                    + " file " + m.group(1) + " cannot be read");
        }
        Path file = dir.resolve(m.group(1));
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("secret file " + file + " is missing or not a plain file");
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("secret file " + file + " cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }
}
