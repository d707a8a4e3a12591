package io.waybill.plugin.kit.carrier;

import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.common.Address;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * The checks a carrier makes on a {@link ShipmentRequest} before anything is sent, written once: each plugin builds one
 * with its own words (what it calls the idempotency key and the service, which address fields and declaration data it
 * needs, its length limits) in its own order, and {@link #problems} lists what is wrong as readable texts in that
 * order; {@link #refusal} is the {@code bad_request} message {@code "Cannot send package <no> to <provider>: <problems
 * joined by '; '>."}.
 *
 * <pre>{@code
 * RequestChecks checks = RequestChecks.of("4PX")
 *         .idempotencyKey("ref_no")
 *         .service(this::service, "no 4PX logistics product code (...)")
 *         .weight()
 *         .recipient(country("recipient"), required("recipient name", Address::name))
 *         .noLines("no contents to declare")
 *         .eachLine(lineRequired("English description", ShipmentRequest.Item::description), lineQuantity())
 *         .build();
 * }</pre>
 */
public final class RequestChecks {

    /** EU member states (IOSS numbers, declaration currencies). */
    public static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
            "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    /** One step of the checks: adds what is wrong with the request to {@code problems}. */
    @FunctionalInterface
    public interface Check {
        void check(ShipmentRequest request, Problems problems);
    }

    /** A check of an address that is there (the recipient, the sender). */
    @FunctionalInterface
    public interface AddressCheck {
        void check(Address address, Problems problems);
    }

    /** A check of a declaration line that is there. */
    @FunctionalInterface
    public interface LineCheck {
        void check(Line line, Problems problems);
    }

    /**
     * A declaration line under check: its request, its index (from 0) and the item; {@link #label()} is
     * {@code "line <index + 1>"}.
     */
    public record Line(ShipmentRequest request, int index, ShipmentRequest.Item item) {
        public String label() {
            return "line " + (index + 1);
        }
    }

    /** The problems found so far, in the order found, and the wording of the common ones. */
    public static final class Problems {
        private final String provider;
        private final List<String> texts = new ArrayList<>();

        Problems(String provider) {
            this.provider = provider;
        }

        /** Adds a problem as it is worded. */
        public void add(String text) {
            texts.add(text);
        }

        /** {@code "no <what>"} when the value is null or blank. */
        public void required(String what, String value) {
            if (value == null || value.isBlank()) {
                texts.add("no " + what);
            }
        }

        /** {@link #required(String, String)}, else {@link #max}. */
        public void required(String what, String value, int max) {
            if (value == null || value.isBlank()) {
                texts.add("no " + what);
            } else {
                max(what, value, max);
            }
        }

        /**
         * {@code "<what> has <n> characters; <provider> takes at most <max>"} when the trimmed value has more than
         * {@code max} characters (code points); nothing for a null value.
         */
        public void max(String what, String value, int max) {
            if (value != null) {
                String v = value.trim();
                int length = v.codePointCount(0, v.length());
                if (length > max) {
                    texts.add(what + " has " + length + " characters; " + provider + " takes at most " + max);
                }
            }
        }

        /** The problems found, in order. */
        public List<String> list() {
            return List.copyOf(texts);
        }
    }

    private final String provider;
    private final List<Check> checks;

    private RequestChecks(String provider, List<Check> checks) {
        this.provider = provider;
        this.checks = List.copyOf(checks);
    }

    /** A builder of the checks of a provider (its name as the texts say it: {@code "4PX"}, {@code "YunExpress"}). */
    public static Builder of(String provider) {
        return new Builder(provider);
    }

    /** Why the request cannot be sent, one text per problem in the order of the checks; empty when it can. */
    public List<String> problems(ShipmentRequest request) {
        Problems p = new Problems(provider);
        for (Check c : checks) {
            c.check(request, p);
        }
        return p.list();
    }

    /**
     * The {@code bad_request} refusal of a request: {@code "No shipment request given."} for none, {@code "Cannot send
     * package <no> to <provider>: <problems>."} when it has {@link #problems}; null when it can be sent.
     */
    public Message refusal(ShipmentRequest request) {
        if (request == null) {
            return Message.error(MessageCodes.BAD_REQUEST, "No shipment request given.");
        }
        List<String> problems = problems(request);
        return problems.isEmpty() ? null : Message.error(MessageCodes.BAD_REQUEST, "Cannot send package "
                + request.packageNo() + " to " + provider + ": " + String.join("; ", problems) + ".");
    }

    /** The checks in the order they are added. */
    public static final class Builder {
        private final String provider;
        private final List<Check> checks = new ArrayList<>();

        private Builder(String provider) {
            this.provider = provider;
        }

        /** A step of the plugin's own. */
        public Builder check(Check check) {
            checks.add(check);
            return this;
        }

        /** {@code "no idempotency key (<provider>'s <providerField>)"} when the request has none. */
        public Builder idempotencyKey(String providerField) {
            return idempotencyKey(providerField, null, Integer.MAX_VALUE);
        }

        /** {@link #idempotencyKey(String)}, and a key longer than {@code max} is {@link Problems#max} {@code what}. */
        public Builder idempotencyKey(String providerField, String what, int max) {
            return check((r, p) -> {
                String key = r.idempotencyKey();
                if (key == null || key.isBlank()) {
                    p.add("no idempotency key (" + provider + "'s " + providerField + ")");
                } else if (what != null) {
                    p.max(what, key, max);
                }
            });
        }

        /** {@code missing} when the service the plugin would send (e.g. {@link RequestChecks#service}) is empty. */
        public Builder service(Function<ShipmentRequest, String> service, String missing) {
            return service(service, missing, null, Integer.MAX_VALUE);
        }

        /** {@link #service(Function, String)}, and a service longer than {@code max} is {@link Problems#max} {@code what}. */
        public Builder service(Function<ShipmentRequest, String> service, String missing, String what, int max) {
            return check((r, p) -> {
                String s = service.apply(r);
                if (s == null || s.isEmpty()) {
                    p.add(missing);
                } else if (what != null) {
                    p.max(what, s, max);
                }
            });
        }

        /** {@code "the weight must be more than 0 g"} for a weight of 0 g or less. */
        public Builder weight() {
            return weight(grams -> "the weight must be more than 0 g");
        }

        /** The text of the given grams for a weight of 0 g or less. */
        public Builder weight(IntFunction<String> text) {
            return check((r, p) -> {
                if (r.weightGrams() <= 0) {
                    p.add(text.apply(r.weightGrams()));
                }
            });
        }

        /** {@code "no recipient address"} without one, else the checks of the address in order. */
        public Builder recipient(AddressCheck... checks) {
            return address(ShipmentRequest::recipient, "no recipient address", checks);
        }

        /** {@code missing} without a sender address (none when {@code missing} is null), else the checks in order. */
        public Builder sender(String missing, AddressCheck... checks) {
            return address(ShipmentRequest::sender, missing, checks);
        }

        private Builder address(Function<ShipmentRequest, Address> address, String missing, AddressCheck[] checks) {
            List<AddressCheck> list = List.of(checks);
            return check((r, p) -> {
                Address a = address.apply(r);
                if (a == null) {
                    if (missing != null) {
                        p.add(missing);
                    }
                } else {
                    list.forEach(c -> c.check(a, p));
                }
            });
        }

        /** {@code none} when the request has no declaration lines. */
        public Builder noLines(String none) {
            return check((r, p) -> {
                if (lines(r).isEmpty()) {
                    p.add(none);
                }
            });
        }

        /** Each line in turn: {@code "line <n> is empty"} for a null one, else the checks of the line in order. */
        public Builder eachLine(LineCheck... checks) {
            List<LineCheck> list = List.of(checks);
            return check((r, p) -> {
                List<ShipmentRequest.Item> items = lines(r);
                for (int i = 0; i < items.size(); i++) {
                    Line line = new Line(r, i, items.get(i));
                    if (line.item() == null) {
                        p.add(line.label() + " is empty");
                    } else {
                        list.forEach(c -> c.check(line, p));
                    }
                }
            });
        }

        public RequestChecks build() {
            return new RequestChecks(provider, checks);
        }
    }

    // ---- checks of an address ----------------------------------------------------------------------------------

    /** {@code "<who> country '<code>' is not a 2-letter ISO code"} (the code trimmed and upper-cased). */
    public static AddressCheck country(String who) {
        return (a, p) -> {
            String c = upper(a.countryCode());
            if (!COUNTRY.matcher(c).matches()) {
                p.add(who + " country '" + c + "' is not a 2-letter ISO code");
            }
        };
    }

    /** {@link Problems#required(String, String)} of a field. */
    public static AddressCheck required(String what, Function<Address, String> field) {
        return (a, p) -> p.required(what, field.apply(a));
    }

    /** {@link Problems#required(String, String, int)} of a field. */
    public static AddressCheck required(String what, Function<Address, String> field, int max) {
        return (a, p) -> p.required(what, field.apply(a), max);
    }

    /** {@link Problems#max} of a field. */
    public static AddressCheck max(String what, Function<Address, String> field, int max) {
        return (a, p) -> p.max(what, field.apply(a), max);
    }

    // ---- checks of a declaration line --------------------------------------------------------------------------

    /** {@code "no line <n> <what>"} when the field is null or blank. */
    public static LineCheck lineRequired(String what, Function<ShipmentRequest.Item, String> field) {
        return (l, p) -> p.required(l.label() + " " + what, field.apply(l.item()));
    }

    /** {@link #lineRequired}, else {@link Problems#max} {@code "line <n> <what>"}. */
    public static LineCheck lineRequired(String what, Function<ShipmentRequest.Item, String> field, int max) {
        return (l, p) -> p.required(l.label() + " " + what, field.apply(l.item()), max);
    }

    /** {@link Problems#max} {@code "line <n> <what>"}. */
    public static LineCheck lineMax(String what, Function<ShipmentRequest.Item, String> field, int max) {
        return (l, p) -> p.max(l.label() + " " + what, field.apply(l.item()), max);
    }

    /** {@code "line <n> quantity must be more than 0"}. */
    public static LineCheck lineQuantity() {
        return (l, p) -> {
            if (l.item().quantity() <= 0) {
                p.add(l.label() + " quantity must be more than 0");
            }
        };
    }

    /** {@code "line <n> unit weight must be more than 0 g"}. */
    public static LineCheck lineUnitWeight() {
        return (l, p) -> {
            if (l.item().weightGrams() <= 0) {
                p.add(l.label() + " unit weight must be more than 0 g");
            }
        };
    }

    // ---- what the mappers share --------------------------------------------------------------------------------

    /** The service to send: the request's service code, else the account's default; trimmed, "" when neither. */
    public static String service(ShipmentRequest r, String accountDefault) {
        String s = r.serviceCode() == null || r.serviceCode().isBlank() ? accountDefault : r.serviceCode();
        return s == null ? "" : s.trim();
    }

    /** The street of an address: line 1 and line 2 trimmed, joined by {@code ", "} when both are there. */
    public static String street(Address a) {
        String l1 = a.line1() == null ? "" : a.line1().trim();
        String l2 = a.line2() == null ? "" : a.line2().trim();
        return l2.isEmpty() ? l1 : l1.isEmpty() ? l2 : l1 + ", " + l2;
    }

    /** Trimmed and upper-cased (root locale); "" for null. */
    public static String upper(String s) {
        return s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
    }

    /** The declaration lines of a request; empty when it has none. */
    static List<ShipmentRequest.Item> lines(ShipmentRequest r) {
        return r.items() == null ? List.of() : r.items();
    }
}
