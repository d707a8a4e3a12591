package io.waybill.core.model;

/**
 * The answer of a store's Test connection. Since 1.5.
 *
 * @param ok   whether the marketplace answered and accepted the account
 * @param code the plugin's message code when not ok (auth_failed, transient, timeout, unsupported...), else null
 * @param text operator-readable result, never containing a secret
 */
public record ConnectionTest(boolean ok, String code, String text) {
}
