package io.waybill.plugin.kit;

import io.waybill.spi.common.PluginDescriptor;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The parts of a provider account's configuration every plugin reads the same way, collecting each problem (in the
 * order read) instead of failing: the account id (letters, digits, {@code -}, {@code _}; 1 to 40; blank is
 * {@code default}), the display name, required values, a secret setting (through {@link SecretFiles}) and the API base
 * URL. A plugin reads its own settings in between with {@link #problem(String)} for their problems, then keeps
 * {@link #error()} as its account's configuration error.
 *
 * <pre>{@code
 * AccountSettings s = new AccountSettings(config.accountId(), config.displayName(), "4PX");
 * String appKey = s.required("App key", config.appKey());
 * String secret = s.secret("App secret", config._appSecret());
 * FourPxClient client = s.client("API endpoint", config.baseUrl(), FourPxClient.DEFAULT_BASE_URL,
 *         !appKey.isEmpty() && !secret.isEmpty(), url -> new FourPxClient(url, ...));
 * account = new Account(s.descriptor(ID, DESCRIPTION), client, ..., s.error());
 * }</pre>
 */
public final class AccountSettings {

    /** What an account id may be. */
    public static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    /** The account id of a blank or refused setting; its plugin id is the plain plugin id. */
    public static final String DEFAULT_ACCOUNT = "default";

    private final List<String> problems = new ArrayList<>();
    private final String accountId;
    private final String displayName;

    /**
     * Reads the account id and display name (both trimmed; blank means {@code default} / {@code defaultName}). A
     * refused account id is a problem {@code "'Account id' may hold only letters, digits, '-' and '_' (1 to 40)"} and
     * the account is {@code default}.
     */
    public AccountSettings(String accountId, String displayName, String defaultName) {
        String id = blankTo(accountId, DEFAULT_ACCOUNT).trim();
        if (!ACCOUNT_ID.matcher(id).matches()) {
            problems.add("'Account id' may hold only letters, digits, '-' and '_' (1 to 40)");
            id = DEFAULT_ACCOUNT;
        }
        this.accountId = id;
        this.displayName = blankTo(displayName, defaultName).trim();
    }

    /**
     * Why an account (or connection) is not usable, or null when it is: its configuration error, else
     * {@code "not configured"} when it has no client (nothing configured yet, or deactivated).
     */
    public static String unusable(String configError, Object client) {
        if (configError != null) {
            return configError;
        }
        return client == null ? "not configured" : null;
    }

    /** A setting that must be a positive finite number (a parcel dimension): the value, else the fallback. */
    public static double positive(double value, double fallback) {
        return value > 0 && Double.isFinite(value) ? value : fallback;
    }

    /** The value, or the fallback when it is null or blank (not trimmed). */
    public static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The plugin id of an account: the plain id for {@code default}, else {@code <id>-<accountId>}. */
    public static PluginDescriptor descriptor(String pluginId, String accountId, String displayName,
                                              String description) {
        return new PluginDescriptor(DEFAULT_ACCOUNT.equals(accountId) ? pluginId : pluginId + "-" + accountId,
                displayName, description);
    }

    public String accountId() {
        return accountId;
    }

    public String displayName() {
        return displayName;
    }

    /** This account's descriptor (see {@link #descriptor(String, String, String, String)}). */
    public PluginDescriptor descriptor(String pluginId, String description) {
        return descriptor(pluginId, accountId, displayName, description);
    }

    /** A timeout setting in seconds as a {@code Duration}: at least one second. */
    public static Duration timeout(int seconds) {
        return Duration.ofSeconds(Math.max(1, seconds));
    }

    /** Adds a problem of a plugin's own setting. */
    public void problem(String text) {
        problems.add(text);
    }

    /** The value trimmed; empty (and a problem {@code "'<label>' is empty"}) when it is null or blank. */
    public String required(String label, String value) {
        String v = blankTo(value, "").trim();
        if (v.isEmpty()) {
            problems.add("'" + label + "' is empty");
        }
        return v;
    }

    /**
     * A PASSWORD setting resolved through {@link SecretFiles#resolve} (with {@link SecretFiles#defaultDir()}),
     * trimmed. An unreadable secret file is a problem {@code "'<label>': <reason>"}; an empty secret one
     * {@code "'<label>' is empty"}; both give an empty string.
     */
    public String secret(String label, String value) {
        String secret;
        try {
            secret = SecretFiles.resolve(value, SecretFiles.defaultDir());
        } catch (IllegalArgumentException e) {
            problems.add("'" + label + "': " + e.getMessage());
            secret = null;
        }
        secret = secret == null ? "" : secret.trim();
        if (secret.isEmpty()) {
            problems.add("'" + label + "' is empty");
        }
        return secret;
    }

    /**
     * The client of the API base URL setting (blank: {@code defaultUrl}; trimmed): a problem {@code "'<label>' must be
     * an http(s) URL"} or {@code "'<label>' is not a URL"} (also when {@code factory} refuses the URL with an
     * {@code IllegalArgumentException}) and null when it is not usable; null without a problem when the credentials
     * are missing (their problems are already noted).
     */
    public <C> C client(String label, String value, String defaultUrl, boolean credentials,
                        Function<String, C> factory) {
        String baseUrl = blankTo(value, defaultUrl).trim();
        try {
            URI uri = URI.create(baseUrl);
            if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                problems.add("'" + label + "' must be an http(s) URL");
            } else if (credentials) {
                return factory.apply(baseUrl);
            }
        } catch (IllegalArgumentException e) {
            problems.add("'" + label + "' is not a URL");
        }
        return null;
    }

    /** The problems so far, in the order found. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The account's configuration error: the problems joined with {@code "; "}, or null when there is none. */
    public String error() {
        return problems.isEmpty() ? null : String.join("; ", problems);
    }
}
