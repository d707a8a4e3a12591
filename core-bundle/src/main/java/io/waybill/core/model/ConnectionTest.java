package io.waybill.core.model;

import java.util.List;

/**
 * The answer of a store's Test connection, as a structured outcome: a {@link #code} with its {@link #params}, which
 * a user interface renders in the user's language, plus the plugin's own words as an extra {@link #detail} (the
 * plugin's text is English; it carries facts such as the shop's name or the marketplace's error). Since 1.5;
 * {@code params} and {@code detail} since 1.8 (before, one English {@code text} held both).
 *
 * @param ok     whether the marketplace answered and accepted the account
 * @param code   {@link #OK} when ok; else {@link #NOT_CONFIGURED}, {@link #NO_CONNECTOR}, {@link #NO_PLUGIN},
 *               {@link #NO_CONNECTION} or the plugin's message code (auth_failed, transient, timeout,
 *               unsupported...)
 * @param params the values the outcome's sentence names, by code: {@code [store]} for {@link #OK} and a plugin's
 *               code, {@code [store, platform name]} for {@link #NOT_CONFIGURED} and {@link #NO_CONNECTOR},
 *               {@code [store, platform id]} for {@link #NO_PLUGIN}, {@code [store, platform name]} for
 *               {@link #NO_CONNECTION}
 * @param detail the plugin's own text (never a secret), or empty
 */
public record ConnectionTest(boolean ok, String code, List<String> params, String detail) {

    /** The marketplace answered and accepted the account. */
    public static final String OK = "ok";
    /** The store's platform has accounts, and this store's is not configured yet. */
    public static final String NOT_CONFIGURED = "not_configured";
    /** The plugin is installed but has no connection for this store (settings not usable yet, or stopped). */
    public static final String NO_CONNECTOR = "no_connector";
    /** No installed plugin offers the store's platform. */
    public static final String NO_PLUGIN = "no_plugin";
    /** The platform has no connection to test (orders come as files). */
    public static final String NO_CONNECTION = "no_connection";

    public ConnectionTest {
        code = code == null || code.isBlank() ? (ok ? OK : "plugin_error") : code;
        params = params == null ? List.of() : List.copyOf(params);
        detail = detail == null ? "" : detail.strip();
    }

    /** The 1.5 form: an outcome with one text, kept as the plugin detail. */
    public ConnectionTest(boolean ok, String code, String text) {
        this(ok, code, List.of(), text);
    }

    private String param(int i) {
        return i < params.size() ? params.get(i) : "";
    }

    /** The outcome in English, for the shell and logs: the core's sentence and the plugin's detail. */
    public String text() {
        String sentence = switch (code) {
            case OK -> detail.isEmpty() ? "The marketplace accepted the account." : "";
            case NOT_CONFIGURED -> "Store " + param(0) + " has no " + param(1)
                    + " account yet: fill in its settings first.";
            case NO_CONNECTOR -> "The " + param(1) + " plugin has not started a connection for store " + param(0)
                    + ": its settings are not usable yet (see the Karaf log) or the plugin is stopped.";
            case NO_PLUGIN -> "No plugin for platform '" + param(1) + "' is installed.";
            case NO_CONNECTION -> "Platform " + param(1) + " has no connection to test (orders come as files).";
            default -> detail.isEmpty() ? "The plugin gave no reason." : "";
        };
        return sentence.isEmpty() ? detail : detail.isEmpty() ? sentence : sentence + " " + detail;
    }
}
