package io.waybill.plugin.kit.platform;

import io.waybill.plugin.kit.FailSafe;
import io.waybill.plugin.kit.HttpFailures;
import io.waybill.plugin.kit.Redaction;
import io.waybill.plugin.kit.Refusal;

import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.StoreContext;

import java.io.IOException;

/**
 * The guarded call of a marketplace connection (one configuration serves one Waybill store), one constant per plugin:
 * a connection that is not usable gives {@code bad_config} naming the configuration PID; a call for another store
 * {@code wrong_store} (nothing is sent); otherwise the operation runs, a {@link Refusal} becomes its messages, an
 * {@link IOException} or {@link InterruptedException} the provider's transport failure for the operation
 * ({@link HttpFailures#transport}, the interrupt kept), a stray exception an {@code internal_error} ({@link FailSafe}),
 * so nothing crosses the SPI; and every secret is scrubbed from every message ({@link Redaction}).
 *
 * <pre>{@code
 * private static final StoreCall GUARD = new StoreCall("Amazon", PID, LOG);
 * ...
 * return GUARD.call(store, "the order capture", a.storeCode(), AccountSettings.unusable(a.configError(), a.api()),
 *         () -> ..., a.secrets());
 * }</pre>
 *
 * @param provider the provider's name in texts ({@code "Amazon"}, {@code "TikTok Shop"}); "an" goes before a name that
 *                 starts with a vowel ({@code "an eBay configuration"}), else "a"
 * @param pid      the plugin's (factory) configuration PID, named in the {@code bad_config} text
 * @param log      where a transport failure is logged (DEBUG, store and exception class only)
 */
public record StoreCall(String provider, String pid, System.Logger log) {

    /** An operation that talks to the provider. */
    @FunctionalInterface
    public interface Io<T> {
        Result<T> run() throws Refusal, IOException, InterruptedException;
    }

    /**
     * The {@code bad_config} message {@code "The <provider> connection[ of store <code>] is not usable: <problem>
     * (configuration <pid>)."}.
     */
    public Message notUsable(String storeCode, String problem) {
        return Message.error(MessageCodes.BAD_CONFIG, "The " + provider + " connection"
                + (storeCode == null || storeCode.isEmpty() ? "" : " of store " + storeCode) + " is not usable: "
                + (problem == null ? "not configured" : problem) + " (configuration " + pid + ").");
    }

    /**
     * The {@code wrong_store} message {@code "This <provider> connection serves store <code>, not <asked>; <operation>
     * was not sent. Add a(n) <provider> configuration for store <asked>."}.
     */
    public Message wrongStore(String storeCode, String asked, String operation) {
        String article = "AEIOUaeiou".indexOf(provider.charAt(0)) >= 0 ? "an " : "a ";
        return Message.error(MessageCodes.WRONG_STORE, "This " + provider + " connection serves store " + storeCode
                + ", not " + asked + "; " + operation + " was not sent. Add " + article + provider
                + " configuration for store " + asked + ".");
    }

    /**
     * Runs {@code operation} for {@code store} on the connection of store {@code storeCode}: {@link #notUsable} when
     * {@code problem} (see {@link io.waybill.plugin.kit.AccountSettings#unusable}) is not null, {@link #wrongStore}
     * when the store asked for (its code trimmed) is another one, else the operation as described above; every text
     * redacted of {@code secrets}.
     *
     * @param operation what the call does, in texts ({@code "the order capture"})
     */
    public <T> Result<T> call(StoreContext store, String operation, String storeCode, String problem, Io<T> body,
                              String... secrets) {
        Result<T> result;
        String asked = store == null ? null : store.storeCode();
        if (problem != null) {
            result = Result.failure(notUsable(storeCode, problem));
        } else if (asked == null || !storeCode.equals(asked.trim())) {
            result = Result.failure(wrongStore(storeCode, asked, operation));
        } else {
            result = FailSafe.call(provider, () -> {
                try {
                    return body.run();
                } catch (Refusal r) {
                    return Result.failure(r.messages().toArray(Message[]::new));
                } catch (IOException | InterruptedException e) {
                    log.log(System.Logger.Level.DEBUG, provider + " call for store {0} failed: {1}", storeCode,
                            e.getClass().getSimpleName());
                    return Result.failure(HttpFailures.transport(e, provider, operation).toArray(Message[]::new));
                }
            });
        }
        return Redaction.redact(result, secrets);
    }
}
