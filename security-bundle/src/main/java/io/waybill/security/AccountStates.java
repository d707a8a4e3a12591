package io.waybill.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What Waybill keeps about a container user besides its credentials and roles (those stay in Karaf's
 * {@code etc/users.properties}): disabled or not, the warehouses and stores it is limited to, and its last
 * successful sign-in. One file, {@code etc/waybill.accounts.properties} (owner-only, 600), so the login module of
 * this bundle can refuse a disabled user over SSH and in the UI before any other Waybill bundle runs, and records
 * the sign-in time in the same place. Keys: {@code <user>.disabled}, {@code <user>.warehouses},
 * {@code <user>.stores} (comma-separated codes), {@code <user>.lastSignIn} (ISO-8601 instant). A user without a
 * line is enabled and unscoped. Never holds a password or a hash.
 */
public final class AccountStates {

    /** File name under {@code karaf.etc}. */
    public static final String FILE = "waybill.accounts.properties";
    private static final Map<Path, AccountStates> BY_FILE = new ConcurrentHashMap<>();

    /**
     * The state of one user.
     *
     * @param disabled   true when the user may not sign in
     * @param warehouses warehouse codes the user is limited to; empty = all
     * @param stores     store codes the user is limited to; empty = all
     * @param lastSignIn last successful password sign-in (UI or SSH), or null
     */
    public record State(boolean disabled, Set<String> warehouses, Set<String> stores, Instant lastSignIn) {
        public static final State DEFAULT = new State(false, Set.of(), Set.of(), null);

        public State {
            warehouses = Collections.unmodifiableSet(new TreeSet<>(warehouses == null ? Set.of() : warehouses));
            stores = Collections.unmodifiableSet(new TreeSet<>(stores == null ? Set.of() : stores));
        }

        public State withDisabled(boolean value) {
            return new State(value, warehouses, stores, lastSignIn);
        }

        public State withScope(Set<String> newWarehouses, Set<String> newStores) {
            return new State(disabled, newWarehouses, newStores, lastSignIn);
        }

        public State withLastSignIn(Instant at) {
            return new State(disabled, warehouses, stores, at);
        }
    }

    private record Snapshot(long modified, long size, Map<String, State> states) {
    }

    private final Path file;
    private volatile Snapshot snapshot;

    private AccountStates(Path file) {
        this.file = file;
    }

    /** The one instance for a file (writes are serialised per file within this JVM). */
    public static AccountStates at(Path file) {
        return BY_FILE.computeIfAbsent(file.toAbsolutePath().normalize(), AccountStates::new);
    }

    /** The container's file, {@code ${karaf.etc}/waybill.accounts.properties}. */
    public static AccountStates container() {
        return at(Path.of(System.getProperty("karaf.etc", "etc"), FILE));
    }

    public Path file() {
        return file;
    }

    /** The state of a user ({@link State#DEFAULT} when nothing is recorded or the file cannot be read). */
    public State get(String user) {
        return all().getOrDefault(user, State.DEFAULT);
    }

    /** Whether the user is disabled. */
    public boolean isDisabled(String user) {
        return user != null && get(user).disabled();
    }

    /** Every recorded user's state, by name. Re-read when the file changes. */
    public Map<String, State> all() {
        try {
            return current().states();
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** Changes the state of one user; a state equal to the default removes the user's lines. */
    public synchronized State update(String user, UnaryOperator<State> change) {
        try {
            Map<String, State> states = new TreeMap<>(read());
            State next = change.apply(states.getOrDefault(user, State.DEFAULT));
            if (State.DEFAULT.equals(next)) {
                states.remove(user);
            } else {
                states.put(user, next);
            }
            write(states);
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Forgets a user (after it was deleted from the realm). */
    public void remove(String user) {
        update(user, s -> State.DEFAULT);
    }

    /** Records a successful sign-in. */
    public void signedIn(String user, Instant at) {
        update(user, s -> s.withLastSignIn(at));
    }

    private Snapshot current() throws IOException {
        long modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(file).toMillis();
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            return new Snapshot(-1, -1, Map.of());
        }
        Snapshot s = snapshot;
        if (s == null || s.modified() != modified || s.size() != size) {
            s = new Snapshot(modified, size, Collections.unmodifiableMap(read()));
            snapshot = s;
        }
        return s;
    }

    private Map<String, State> read() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        Map<String, State> states = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            int dot = key.lastIndexOf('.');
            if (dot < 1) {
                continue;
            }
            String user = key.substring(0, dot);
            String value = p.getProperty(key).strip();
            State s = states.getOrDefault(user, State.DEFAULT);
            switch (key.substring(dot + 1)) {
                case "disabled" -> s = s.withDisabled(Boolean.parseBoolean(value));
                case "warehouses" -> s = s.withScope(codes(value), s.stores());
                case "stores" -> s = s.withScope(s.warehouses(), codes(value));
                case "lastSignIn" -> {
                    try {
                        s = s.withLastSignIn(value.isEmpty() ? null : Instant.parse(value));
                    } catch (DateTimeParseException ignored) {
                        // an unreadable time is shown as never
                    }
                }
                default -> {
                    // unknown attribute: ignored
                }
            }
            states.put(user, s);
        }
        return states;
    }

    private static Set<String> codes(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(c -> !c.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private void write(Map<String, State> states) throws IOException {
        StringBuilder text = new StringBuilder("# Waybill account state (no credentials: those are in users.properties)."
                + System.lineSeparator() + "# Written by Waybill; <user>.disabled, .warehouses, .stores, .lastSignIn"
                + System.lineSeparator());
        Properties p = new Properties();
        for (Map.Entry<String, State> e : states.entrySet()) {
            State s = e.getValue();
            if (s.disabled()) {
                p.setProperty(e.getKey() + ".disabled", "true");
            }
            if (!s.warehouses().isEmpty()) {
                p.setProperty(e.getKey() + ".warehouses", String.join(",", s.warehouses()));
            }
            if (!s.stores().isEmpty()) {
                p.setProperty(e.getKey() + ".stores", String.join(",", s.stores()));
            }
            if (s.lastSignIn() != null) {
                p.setProperty(e.getKey() + ".lastSignIn", s.lastSignIn().toString());
            }
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".waybill.accounts", ".tmp");
        try {
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(text.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                p.store(out, null);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        snapshot = null;
    }
}
