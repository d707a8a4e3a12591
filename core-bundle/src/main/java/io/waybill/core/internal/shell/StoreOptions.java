package io.waybill.core.internal.shell;

import io.waybill.core.internal.files.FileAccess;
import io.waybill.core.model.PlatformType;
import io.waybill.core.model.SettingField;
import io.waybill.core.model.ShippingMethodInfo;
import org.apache.karaf.shell.api.console.Session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The option rules {@code waybill:store-add} and {@code waybill:store-set} share ({@link StoreCommand} holds the
 * options, before or after the store code, {@link TrailingOptions}): {@code --set id=value} settings, the default
 * {@code --shipping-method}, and secrets, which are read from a file in an import
 * folder ({@code --secrets-file}, lines {@code id=value}) or typed at the console without echo, never taken from an
 * argument that would stay in the shell history.
 */
final class StoreOptions {
    private StoreOptions() {
    }

    static final Map<String, String> OPTIONS = Map.ofEntries(Map.entry("--name", "name"), Map.entry("-n", "name"),
            Map.entry("--platform", "platform"), Map.entry("-p", "platform"),
            Map.entry("--warehouses", "warehouses"), Map.entry("-w", "warehouses"),
            Map.entry("--interval", "interval"), Map.entry("--auto-sync", "auto-sync"),
            Map.entry("--set", "set"), Map.entry("-s", "set"), Map.entry("--secrets-file", "secrets-file"),
            Map.entry("--enabled", "enabled"), Map.entry("--shipping-method", "shipping-method"));

    /**
     * {@code [CODE=]CARRIER[/SERVICE]} as the store's default shipping method (the store code is filled in by the
     * service); null when not given.
     */
    static ShippingMethodInfo shippingMethod(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        int eq = t.indexOf('=');
        String methodCode = eq < 0 ? null : t.substring(0, eq).strip();
        String rest = eq < 0 ? t : t.substring(eq + 1).strip();
        int slash = rest.indexOf('/');
        String carrier = slash < 0 ? rest : rest.substring(0, slash).strip();
        String service = slash < 0 ? null : rest.substring(slash + 1).strip();
        if (carrier.isEmpty()) {
            throw new IllegalArgumentException("--shipping-method needs [CODE=]CARRIER[/SERVICE], e.g. pool/RR; got '"
                    + text + "'");
        }
        return new ShippingMethodInfo(null, methodCode, carrier, service, true);
    }

    /** {@code W1,W2 W3} to [W1, W2, W3]; null when not given. */
    static List<String> warehouses(String text) {
        if (text == null) {
            return null;
        }
        List<String> codes = new ArrayList<>();
        for (String w : text.split("[,\\s]+")) {
            if (!w.isBlank()) {
                codes.add(w.strip());
            }
        }
        return codes;
    }

    static Integer interval(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--interval must be a number of minutes (0 = on demand only), not '"
                    + text + "'");
        }
    }

    static Boolean yesNo(String text, String option) {
        if (text == null) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on" -> true;
            case "no", "false", "off" -> false;
            default -> throw new IllegalArgumentException(option + " must be yes or no, not '" + text + "'");
        };
    }

    /** The {@code --set id=value} settings; a secret given this way is refused (it would be in the history). */
    static Map<String, String> settings(List<String> sets, PlatformType type) {
        Map<String, String> result = new LinkedHashMap<>();
        if (sets == null) {
            return result;
        }
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set needs id=value, e.g. --set shop=my-shop; got '" + s + "'");
            }
            String id = s.substring(0, eq).strip();
            SettingField f = field(type, id);
            if (f != null && f.secret()) {
                throw new IllegalArgumentException("'" + id + "' is a secret: give it in a --secrets-file or at the"
                        + " prompt, never as an argument (it would stay in the shell history). Nothing was saved.");
            }
            result.put(id, s.substring(eq + 1));
        }
        return result;
    }

    /** The secrets of a {@code --secrets-file} (lines {@code id=value}, in an import folder); only PASSWORD ids. */
    static Map<String, String> secretsFile(FileAccess files, String file, PlatformType type) throws IOException {
        Map<String, String> secrets = new LinkedHashMap<>();
        String text = new String(files.readImportFile(file).content(), StandardCharsets.UTF_8);
        int n = 0;
        for (String line : text.lines().toList()) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String id = eq <= 0 ? "" : line.substring(0, eq).strip();
            SettingField f = field(type, id);
            if (f == null || !f.secret()) {
                // never echo the line: it may hold a secret
                throw new IllegalArgumentException("Line " + n + " of the secrets file is not 'id=value' with the id"
                        + " of a secret setting of " + type.name() + " (" + String.join(", ", secretIds(type))
                        + ").");
            }
            secrets.put(id, line.substring(eq + 1).strip());
        }
        return secrets;
    }

    /** Asks at the console (no echo) for each required secret not given yet. */
    static void promptMissing(Session session, PlatformType type, Map<String, String> secrets) throws IOException {
        for (SettingField f : type.settings()) {
            if (f.secret() && f.required() && !secrets.containsKey(f.id())) {
                String line = session == null ? null : session.readLine(f.name() + " (" + f.id() + "): ", '*');
                if (line == null) {
                    throw new IllegalArgumentException("No console to read '" + f.name() + "' from: use"
                            + " --secrets-file FILE with a line " + f.id() + "=...");
                }
                secrets.put(f.id(), line.strip());
            }
        }
    }

    static List<String> secretIds(PlatformType type) {
        return type.settings().stream().filter(SettingField::secret).map(SettingField::id).toList();
    }

    private static SettingField field(PlatformType type, String id) {
        return type.settings().stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }
}
