package io.waybill.core.internal.service;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.UserPreferenceService;
import io.waybill.core.internal.db.Database;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.internal.workflow.TextRules;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;

/** Per-user UI preferences in {@code WB_USER_PREFERENCE} (migration V20), plain SQL. */
@Component(service = UserPreferenceService.class)
public class UserPreferenceServiceImpl implements UserPreferenceService {

    private static final Pattern KEY = Pattern.compile(KEY_PATTERN);
    /** The user name column's size (WB_USER_PREFERENCE.USER_NAME). */
    static final int MAX_USER_LENGTH = 100;

    private final DataSource ds;
    private final Clock clock;

    @Activate
    public UserPreferenceServiceImpl(@Reference Database db) {
        this(db.dataSource(), Clock.systemUTC());
    }

    public UserPreferenceServiceImpl(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
    }

    @Override
    public Optional<String> get(String user, String key) {
        String u = checkUser(user);
        String k = checkKey(key);
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT PREF_VALUE FROM WB_USER_PREFERENCE WHERE USER_NAME = ? AND PREF_KEY = ?")) {
                ps.setString(1, u);
                ps.setString(2, k);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    @Override
    public void put(String user, String key, String value) {
        if (value == null) {
            remove(user, key);
            return;
        }
        String u = checkUser(user);
        String k = checkKey(key);
        String v = checkValue(value);
        Timestamp now = Timestamp.from(clock.instant());
        try {
            upsert(u, k, v, now);
        } catch (IllegalStateException e) {
            // the same user saved the same key at the same moment (two tabs): the insert lost, the update now wins
            if (!(e.getCause() instanceof SQLException sql) || sql.getSQLState() == null
                    || !sql.getSQLState().startsWith("23")) {
                throw e;
            }
            upsert(u, k, v, now);
        }
    }

    private void upsert(String u, String k, String v, Timestamp now) {
        Jdbc.inTransaction(ds, c -> {
            if (update(c, u, k, v, now) == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO WB_USER_PREFERENCE (USER_NAME, PREF_KEY, "
                        + "PREF_VALUE, UPDATED_AT) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, u);
                    ps.setString(2, k);
                    ps.setString(3, v);
                    ps.setTimestamp(4, now);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private static int update(java.sql.Connection c, String u, String k, String v, Timestamp now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE WB_USER_PREFERENCE SET PREF_VALUE = ?, UPDATED_AT = ? "
                + "WHERE USER_NAME = ? AND PREF_KEY = ?")) {
            ps.setString(1, v);
            ps.setTimestamp(2, now);
            ps.setString(3, u);
            ps.setString(4, k);
            return ps.executeUpdate();
        }
    }

    @Override
    public void remove(String user, String key) {
        String u = checkUser(user);
        String k = checkKey(key);
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM WB_USER_PREFERENCE WHERE USER_NAME = ? AND PREF_KEY = ?")) {
                ps.setString(1, u);
                ps.setString(2, k);
                return ps.executeUpdate();
            }
        });
    }

    static String checkUser(String user) {
        if (user == null || user.isBlank()) {
            throw new OperationRefusedException("preference_user", "No user: preferences belong to a signed-in user.");
        }
        String u = user.strip();
        if (u.length() > MAX_USER_LENGTH) {
            throw new OperationRefusedException("preference_user",
                    "The user name is too long (" + u.length() + " characters, at most " + MAX_USER_LENGTH + ").");
        }
        return u;
    }

    static String checkKey(String key) {
        if (key == null || key.length() > MAX_KEY_LENGTH || !KEY.matcher(key).matches()) {
            throw new OperationRefusedException("preference_key", "Not a preference key: '"
                    + (key == null ? "" : TextRules.visible(key.substring(0, Math.min(key.length(), 60))))
                    + "' (lower-case letters, digits, '.', '_' and '-', at most " + MAX_KEY_LENGTH + " characters).");
        }
        return key;
    }

    static String checkValue(String value) {
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new OperationRefusedException("preference_value", "The value is too long (" + value.length()
                    + " characters, at most " + MAX_VALUE_LENGTH + ").");
        }
        if (TextRules.controlCharAt(value) >= 0 || TextRules.bidiControlAt(value) >= 0) {
            throw new OperationRefusedException("preference_value",
                    "The value contains a control or bidirectional formatting character.");
        }
        return value;
    }
}
