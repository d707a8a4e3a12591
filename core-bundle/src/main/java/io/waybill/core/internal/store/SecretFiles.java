package io.waybill.core.internal.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Store secrets as files of their own, readable by the owner only (mode 600), in the secrets directory (framework
 * property {@value #SECRETS_DIR_PROPERTY}; Karaf sets it to {@code etc/}). A configuration holds only the reference
 * {@code secret-file:<name>}, which the plugin resolves with the plugin kit's {@code SecretFiles.resolve}, so
 * {@code config:list}, {@code config:edit} and the {@code .cfg} file show the reference, never the secret. (Felix's
 * {@code $[secret:...]} interpolation would not do: Karaf's {@code config:list} prints interpolated values.)
 */
public final class SecretFiles {

    /** Framework property naming the interpolation plugin's secrets directory. */
    public static final String SECRETS_DIR_PROPERTY = "org.apache.felix.configadmin.plugin.interpolation.secretsdir";

    private static final Pattern UNSAFE = Pattern.compile("[^a-z0-9-]+");
    private static final Pattern PLACEHOLDER = Pattern.compile("secret-file:[a-z0-9][a-z0-9-]{0,199}");

    private final Path dir;

    public SecretFiles(Path dir) {
        this.dir = dir;
    }

    /** The file name of a store's secret: {@code waybill-secret-<platform>-<store>-<setting>}, lower case. */
    public static String name(String platform, String storeCode, String settingId) {
        return "waybill-secret-" + safe(platform) + "-" + safe(storeCode) + "-" + safe(settingId);
    }

    /** The configuration value that stands for a secret. */
    public static String placeholder(String name) {
        return "secret-file:" + name;
    }

    /** Whether a configuration value is a secret placeholder (and not a secret typed in clear). */
    public static boolean isPlaceholder(Object value) {
        return value instanceof String s && PLACEHOLDER.matcher(s).matches();
    }

    /** Writes the secret (replacing an older one) with mode 600 from the start, and returns its placeholder. */
    public String write(String name, String secret) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        Path tmp = dir.resolve("." + name + ".tmp");
        Files.deleteIfExists(tmp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, secret, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return placeholder(name);
    }

    /** The directory secrets are written to. */
    /** Removes the secret file of this name, if there is one. */
    public void delete(String name) throws IOException {
        java.nio.file.Files.deleteIfExists(dir.resolve(name));
    }

    public Path dir() {
        return dir;
    }

    private static String safe(String s) {
        String lower = s == null ? "" : s.toLowerCase(Locale.ROOT);
        String cleaned = UNSAFE.matcher(lower).replaceAll("-").replaceAll("^-+|-+$", "");
        return cleaned.isEmpty() ? "x" : cleaned;
    }
}
