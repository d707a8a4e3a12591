package io.waybill.core.internal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Karaf's {@code etc/users.properties}: appended to by the first-admin bootstrap (passwords only as
 * {@code {CRYPT}hash{CRYPT}} made by the "waybill" JAAS encryption service), read for a user's roles. Kept readable
 * by its owner only.
 */
public final class UsersFile {

    /** Roles the Waybill admin group carries: Karaf's admin roles plus Waybill's three. */
    public static final String ADMIN_GROUP_LINE =
            "_g_\\:waybilladmins = group,admin,manager,viewer,systembundles,ssh,operator,supervisor";
    /**
     * The other two Waybill groups, written in clear with the first admin so that adding a user never makes Karaf's
     * backing engine create a group: its createGroup hashes the group's "group" marker like a password and, now and
     * then, left a broken line (a stray user named after part of that hash) in the file.
     */
    static final List<String> OTHER_GROUP_LINES = List.of(
            "_g_\\:waybillsupervisors = group,supervisor,operator,ssh",
            "_g_\\:waybilloperators = group,operator,ssh");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Path file;
    private volatile Snapshot snapshot;

    private record Snapshot(long modified, long size, Properties users) {
    }

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

    /**
     * Appends an admin user with an already hashed password (the whole {@code {CRYPT}...{CRYPT}} value) and the
     * Waybill admin group; a new file is created readable by its owner only.
     */
    public void addAdmin(String user, String hashedPassword) throws IOException {
        if (!user.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("User name may contain letters, digits, '.', '_' and '-' only");
        }
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        ownerOnly();
        String present = Files.readString(file, StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder(System.lineSeparator())
                .append("# Waybill first administrator (password stored as a salted hash)")
                .append(System.lineSeparator()).append(user).append(" = ").append(hashedPassword)
                .append(",_g_:waybilladmins").append(System.lineSeparator()).append(ADMIN_GROUP_LINE)
                .append(System.lineSeparator());
        for (String group : missingGroupLines(present)) {
            text.append(group).append(System.lineSeparator());
        }
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /**
     * An install made before the operator and supervisor groups were written with the first admin: appends the
     * {@link #OTHER_GROUP_LINES} the file lacks, in clear, so that adding a user never makes Karaf's backing engine
     * create (and hash) a group. Only where Waybill's admin group exists (a file without it is not Waybill's to
     * change); lines present in any form are left as they are. Returns the group lines added.
     */
    public List<String> addMissingGroups() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String present = Files.readString(file, StandardCharsets.UTF_8);
        Properties parsed = new Properties();
        parsed.load(new java.io.StringReader(present));
        if (!parsed.containsKey("_g_:waybilladmins")) {
            return List.of();
        }
        List<String> missing = missingGroupLines(present);
        if (!missing.isEmpty()) {
            StringBuilder text = new StringBuilder(present.isEmpty() || present.endsWith("\n") ? ""
                    : System.lineSeparator());
            text.append("# Waybill operator and supervisor groups (added at start: this install lacked them)")
                    .append(System.lineSeparator());
            missing.forEach(line -> text.append(line).append(System.lineSeparator()));
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            ownerOnly();
        }
        return missing;
    }

    /** The {@link #OTHER_GROUP_LINES} whose group the file text does not define. */
    private static List<String> missingGroupLines(String present) throws IOException {
        Properties parsed = new Properties();
        parsed.load(new java.io.StringReader(present));
        List<String> missing = new java.util.ArrayList<>();
        for (String group : OTHER_GROUP_LINES) {
            String key = group.substring(0, group.indexOf(' ')).replace("\\:", ":");
            if (!parsed.containsKey(key)) {
                missing.add(group);
            }
        }
        return missing;
    }

    /** Sets the file readable and writable by its owner only (600) where the file system has POSIX permissions. */
    public void ownerOnly() throws IOException {
        if (Files.exists(file) && Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
    }

    /**
     * The realm roles of a user: its own roles and those of its groups ({@code _g_:name}); empty when the user is
     * unknown or the file cannot be read. Re-read when the file changes.
     */
    public Set<String> roles(String user) {
        Properties users;
        try {
            users = current();
        } catch (IOException e) {
            return Set.of();
        }
        String infos = users.getProperty(user);
        if (infos == null || user.startsWith("_g_:")) {
            return Set.of();
        }
        Set<String> roles = new HashSet<>();
        String[] parts = infos.split(",");
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.startsWith("_g_:")) {
                String group = users.getProperty(p);
                if (group != null) {
                    String[] g = group.split(",");
                    for (int j = 1; j < g.length; j++) {
                        roles.add(g[j].strip());
                    }
                }
            } else if (!p.isEmpty()) {
                roles.add(p);
            }
        }
        return roles;
    }

    /** Names of the users (group entries left out), sorted; empty when the file cannot be read. */
    public List<String> names() {
        try {
            return current().stringPropertyNames().stream().filter(n -> !n.startsWith("_g_:")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Whether a user (not a group) of this name exists. */
    public boolean exists(String user) {
        return user != null && !user.startsWith("_g_:") && names().contains(user);
    }

    /**
     * What follows the password on a user's line: its direct roles and its groups (as {@code _g_:name}); empty when
     * unknown. The password (hash) itself is never returned.
     */
    public List<String> entries(String user) {
        Properties users;
        try {
            users = current();
        } catch (IOException e) {
            return List.of();
        }
        String infos = users.getProperty(user);
        if (infos == null || user.startsWith("_g_:")) {
            return List.of();
        }
        String[] parts = infos.split(",");
        List<String> result = new java.util.ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isBlank()) {
                result.add(parts[i].strip());
            }
        }
        return result;
    }

    /** The roles a group ({@code name} without {@code _g_:}) carries; empty when there is no such group. */
    public List<String> groupRoles(String group) {
        try {
            String line = current().getProperty("_g_:" + group);
            if (line == null) {
                return List.of();
            }
            String[] parts = line.split(",");
            List<String> roles = new java.util.ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                if (!parts[i].isBlank()) {
                    roles.add(parts[i].strip());
                }
            }
            return roles;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Forgets what was read, so the next read sees a change made within the same clock tick. */
    public void reload() {
        snapshot = null;
    }

    private Properties current() throws IOException {
        long modified = Files.getLastModifiedTime(file).toMillis();
        long size = Files.size(file);
        Snapshot s = snapshot;
        if (s == null || s.modified() != modified || s.size() != size) {
            Properties p = new Properties();
            try (var in = Files.newInputStream(file)) {
                p.load(in);
            }
            s = new Snapshot(modified, size, p);
            snapshot = s;
        }
        return s.users();
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
