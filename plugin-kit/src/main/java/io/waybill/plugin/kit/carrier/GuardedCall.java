package io.waybill.plugin.kit.carrier;

import io.waybill.plugin.kit.AccountSettings;
import io.waybill.plugin.kit.FailSafe;
import io.waybill.plugin.kit.HttpFailures;
import io.waybill.plugin.kit.Redaction;

import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.Result;

import java.io.IOException;

/**
 * The "guarded call" of a provider plugin (one per plugin, kept in a constant): an account that is not usable gives a
 * {@code bad_config} failure naming the configuration PID; otherwise the operation runs, an {@link IOException} or
 * {@link InterruptedException} becomes the provider's transport failure ({@link HttpFailures#transport}), a stray
 * {@code RuntimeException} an {@code internal_error} ({@link FailSafe}), so nothing crosses the SPI; and the account's
 * secrets are scrubbed from every message ({@link Redaction}).
 *
 * <pre>{@code
 * private static final GuardedCall GUARD = new GuardedCall("4PX", PID, LOG);
 * ...
 * return GUARD.call(a.descriptor().displayName(), AccountSettings.unusable(a.configError(), a.client()),
 *         () -> ..., a.secret());
 * }</pre>
 *
 * A gateway whose account record implements {@link Account} hands the record itself instead:
 * {@code GUARD.call(account, a -> ...)} and {@code GUARD.call(account, shipment, NO_ID, (a, id) -> ...)}.
 *
 * @param provider the provider's name in texts ({@code "4PX"}, {@code "EasyPost"})
 * @param pid      the plugin's (factory) configuration PID, named in the {@code bad_config} text
 * @param log      where a transport failure is logged (DEBUG, exception class only)
 */
public record GuardedCall(String provider, String pid, System.Logger log) {

    /** An operation that talks to the provider. */
    @FunctionalInterface
    public interface Io<T> {
        Result<T> run() throws IOException, InterruptedException;
    }

    /** An operation on one shipment, given its trimmed id. */
    @FunctionalInterface
    public interface ShipmentIo<T> {
        Result<T> run(String id) throws IOException, InterruptedException;
    }

    /**
     * What a gateway's account record gives the guarded call: its descriptor (the display name), its configuration
     * error and client ({@link AccountSettings#unusable}) and the secrets to scrub from every text.
     */
    public interface Account {
        PluginDescriptor descriptor();

        String configError();

        Object client();

        String[] secrets();
    }

    /** An operation against an account. */
    @FunctionalInterface
    public interface AccountIo<A, T> {
        Result<T> run(A account) throws IOException, InterruptedException;
    }

    /** An operation on one shipment of an account, given its trimmed id. */
    @FunctionalInterface
    public interface AccountShipmentIo<A, T> {
        Result<T> run(A account, String id) throws IOException, InterruptedException;
    }

    /**
     * The {@code bad_config} message {@code "<provider> account '<name>' is not usable: <problem> (configuration
     * <pid>)."}.
     */
    public Message notUsable(String displayName, String problem) {
        return Message.error(MessageCodes.BAD_CONFIG, provider + " account '" + displayName + "' is not usable: "
                + (problem == null ? "not configured" : problem) + " (configuration " + pid + ").");
    }

    /**
     * The operation's result; a transport failure becomes {@link HttpFailures#transport} of {@code "the <provider>
     * call"}, a stray exception an {@code internal_error}. Neither checks the account nor redacts: see {@link #call}.
     */
    public <T> Result<T> attempt(Io<T> operation) {
        return FailSafe.call(provider, () -> {
            try {
                return operation.run();
            } catch (IOException | InterruptedException e) {
                log.log(System.Logger.Level.DEBUG, provider + " call failed: {0}", e.getClass().getSimpleName());
                return Result.failure(HttpFailures.transport(e, provider, "the " + provider + " call")
                        .toArray(Message[]::new));
            }
        });
    }

    /**
     * Runs the operation against an account: {@link #notUsable} when {@code problem} is not null, else
     * {@link #attempt}; every message text redacted of {@code secrets}.
     *
     * @param problem see {@link AccountSettings#unusable}; null when the account is usable
     */
    public <T> Result<T> call(String displayName, String problem, Io<T> operation, String... secrets) {
        Result<T> result = problem != null ? Result.failure(notUsable(displayName, problem)) : attempt(operation);
        return Redaction.redact(result, secrets);
    }

    /**
     * The trimmed provider id of a shipment ({@link ShipmentRef#carrierShipmentId()}), or null when none is given.
     */
    public static String shipmentId(ShipmentRef shipment) {
        if (shipment == null || shipment.carrierShipmentId() == null || shipment.carrierShipmentId().isBlank()) {
            return null;
        }
        return shipment.carrierShipmentId().trim();
    }

    /**
     * A shipment operation: {@link #notUsable} when {@code problem} is not null (the account is checked first), else a
     * {@code bad_request} failure {@code noIdText} when the shipment has no provider id, else {@link #call} with the
     * trimmed id.
     */
    public <T> Result<T> call(ShipmentRef shipment, String noIdText, String displayName, String problem,
                              ShipmentIo<T> operation, String... secrets) {
        String id = shipmentId(shipment);
        if (problem == null && id == null) {
            return Result.failure(Message.error(MessageCodes.BAD_REQUEST, noIdText));
        }
        return call(displayName, problem, () -> operation.run(id), secrets);
    }

    /** {@link #call(String, String, Io, String...)} against an account (read once by the caller). */
    public <A extends Account, T> Result<T> call(A account, AccountIo<A, T> operation) {
        return call(account.descriptor().displayName(), unusable(account), () -> operation.run(account),
                account.secrets());
    }

    /** {@link #call(ShipmentRef, String, String, String, ShipmentIo, String...)} against an account. */
    public <A extends Account, T> Result<T> call(A account, ShipmentRef shipment, String noIdText,
                                                 AccountShipmentIo<A, T> operation) {
        return call(shipment, noIdText, account.descriptor().displayName(), unusable(account),
                id -> operation.run(account, id), account.secrets());
    }

    /** {@link #notUsable} of an account that is not usable; null when it is. */
    public Message notUsable(Account account) {
        String problem = unusable(account);
        return problem == null ? null : notUsable(account.descriptor().displayName(), problem);
    }

    /** The secrets of an account for {@link Account#secrets()}: the non-blank values; none when there are none. */
    public static String[] secrets(String... values) {
        return java.util.Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toArray(String[]::new);
    }

    private static String unusable(Account account) {
        return AccountSettings.unusable(account.configError(), account.client());
    }
}
