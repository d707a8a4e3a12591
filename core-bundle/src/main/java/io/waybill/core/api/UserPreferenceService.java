package io.waybill.core.api;

import java.util.List;
import java.util.Optional;

/**
 * Small per-user settings of the UI kept in the core, so they follow the user across sessions, browsers and devices
 * (e.g. which columns a list shows). A preference is a key ({@value #KEY_PATTERN}, at most {@value #MAX_KEY_LENGTH}
 * characters, e.g. {@code grid.delivery.columns}) with a text value of at most {@value #MAX_VALUE_LENGTH} characters.
 * Each user reads and writes only their own preferences: the UI passes the signed-in user. Since 1.11.
 * <p>
 * Bad input is refused with an {@link OperationRefusedException} and nothing is written: {@code preference_user}
 * (blank user), {@code preference_key} (key not matching the pattern), {@code preference_value} (value too long or with
 * a control character), {@code preference_list} (a list item that is blank or contains a comma).
 */
public interface UserPreferenceService {

    String KEY_PATTERN = "[a-z0-9][a-z0-9._-]*";
    int MAX_KEY_LENGTH = 100;
    int MAX_VALUE_LENGTH = 2000;

    /** The user's value of the key, empty when never set (or removed). */
    Optional<String> get(String user, String key);

    /** Sets the user's value of the key, replacing the previous one; a null value removes the preference. */
    void put(String user, String key, String value);

    /** Removes the user's value of the key; nothing happens when it was not set. */
    void remove(String user, String key);

    /** A list value (stored comma-separated): empty when never set; an empty list is a set, empty value. */
    default Optional<List<String>> getList(String user, String key) {
        return get(user, key).map(v -> v.isEmpty() ? List.of() : List.of(v.split(",", -1)));
    }

    /** Stores a list value; items must be non-blank and free of commas ({@code preference_list}). */
    default void putList(String user, String key, List<String> items) {
        for (String item : items) {
            if (item == null || item.isBlank() || item.contains(",")) {
                throw new OperationRefusedException("preference_list",
                        "A list item must not be blank or contain a comma: '" + item + "'.");
            }
        }
        put(user, key, String.join(",", items));
    }
}
