package io.waybill.plugin.kit;

import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;

/** Scrubs secrets (API keys, tokens) from every message text a plugin returns: they are replaced by {@code ***}. */
public final class Redaction {

    public static final String MASK = "***";

    private Redaction() {
    }

    /** The text with every occurrence of each non-empty secret replaced. */
    public static String redact(String text, String... secrets) {
        String t = text;
        for (String secret : secrets) {
            if (t != null && secret != null && !secret.isEmpty()) {
                t = t.replace(secret, MASK);
            }
        }
        return t;
    }

    /**
     * The result with every message text and param redacted (the same instance when none holds a secret).
     */
    public static <T> Result<T> redact(Result<T> result, String... secrets) {
        if (result.messages().stream().allMatch(m -> m.text().equals(redact(m.text(), secrets))
                && m.params().stream().allMatch(p -> p.equals(redact(p, secrets))))) {
            return result;
        }
        return new Result<>(result.value(), result.messages().stream()
                .map(m -> new Message(m.code(), m.severity(), redact(m.text(), secrets), m.retryAfter(),
                        m.params().stream().map(p -> redact(p, secrets)).toList()))
                .toList());
    }
}
