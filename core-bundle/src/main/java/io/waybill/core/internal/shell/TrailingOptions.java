package io.waybill.core.internal.shell;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.Reason;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Options written after a command's arguments ({@code waybill:user-add olga --role operator}): Karaf stops reading
 * options at the first argument and hands the rest over as words, which this reads as {@code --name value},
 * {@code -n value} or {@code --name=value}. Anything else is refused with the usage. Two forms: option names with
 * aliases and repeatable values (user commands), or valued options and bare flags by name (warehouse commands).
 */
final class TrailingOptions {
    private TrailingOptions() {
    }

    /**
     * The values per option name.
     *
     * @param words   the words after the arguments (may be null)
     * @param aliases every accepted spelling ({@code --role}, {@code -r}) to its option name
     * @param usage   shown when a word is not understood
     */
    static Map<String, List<String>> parse(List<String> words, Map<String, String> aliases, String usage) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (words == null) {
            return values;
        }
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String spelling = word;
            String value = null;
            int eq = word.indexOf('=');
            if (word.startsWith("-") && eq > 0) {
                spelling = word.substring(0, eq);
                value = word.substring(eq + 1);
            }
            String name = aliases.get(spelling);
            if (name == null) {
                throw new Refused(Reason.of(Reason.OPTIONS_UNEXPECTED, word, usage));
            }
            if (value == null) {
                if (i + 1 >= words.size()) {
                    throw new Refused(Reason.of(Reason.OPTIONS_NEEDS_VALUE_USAGE, spelling, usage));
                }
                value = words.get(++i);
            }
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return values;
    }

    /** An option {@link #parse(List, Map, String)} refuses, as data. */
    static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient Reason reason;

        Refused(Reason reason) {
            super(reason.english());
            this.reason = reason;
        }
    }

    /** A command's {@code invalid_options} refusal naming each problem. */
    static OperationRefusedException invalid(Reason... problems) {
        return new OperationRefusedException(Reason.nesting(Reason.INVALID_OPTIONS, problems));
    }

    /** A command's {@code invalid_options} refusal of what {@link #parse(List, Map, String)} refused. */
    static OperationRefusedException refusal(IllegalArgumentException e) {
        if (e instanceof Refused r) {
            return invalid(r.reason);
        }
        return new OperationRefusedException(Reason.INVALID_OPTIONS,
                e.getMessage());
    }

    /** The values given before the arguments (parsed by Karaf) and after them. */
    static List<String> merged(List<String> before, List<String> after) {
        List<String> all = new ArrayList<>();
        if (before != null) {
            all.addAll(before);
        }
        if (after != null) {
            all.addAll(after);
        }
        return all;
    }

    /** One value given before or after the arguments; refused when given twice. */
    static String single(String before, List<String> after, String option) {
        List<String> all = merged(before == null ? null : List.of(before), after);
        if (all.size() > 1) {
            throw new IllegalArgumentException(option + " is given twice; give it once");
        }
        return all.isEmpty() ? null : all.get(0);
    }

    /**
     * Option name (with dashes) to value ("true" for a flag).
     *
     * @throws IllegalArgumentException an unknown option, a value without option, an option without value
     */
    static Map<String, String> parse(List<String> trailing, Set<String> valued, Set<String> flags, String after) {
        Map<String, String> result = new LinkedHashMap<>();
        if (trailing == null) {
            return result;
        }
        for (int i = 0; i < trailing.size(); i++) {
            String token = trailing.get(i);
            String name = token;
            String value = null;
            int eq = token.indexOf('=');
            if (token.startsWith("--") && eq > 2) {
                name = token.substring(0, eq);
                value = token.substring(eq + 1);
            }
            if (flags.contains(name) && value == null) {
                result.put(name, "true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= trailing.size()) {
                        throw new IllegalArgumentException("Option " + name + " needs a value.");
                    }
                    value = trailing.get(++i);
                }
                result.put(name, value);
            } else {
                Set<String> known = new TreeSet<>(valued);
                known.addAll(flags);
                throw new IllegalArgumentException("Unexpected '" + token + "' after " + after + "; options: "
                        + String.join(" ", known) + ".");
            }
        }
        return result;
    }
}
