package io.waybill.core.internal.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Options written after a command's first argument ({@code warehouse-add CODE --name "..." --city ...}). Karaf reads
 * options only before the first argument and hands the rest over as arguments; this reads them as
 * {@code --option value}, {@code --option=value} or a bare flag, and refuses anything else with a readable reason.
 */
final class TrailingOptions {
    private TrailingOptions() {
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
