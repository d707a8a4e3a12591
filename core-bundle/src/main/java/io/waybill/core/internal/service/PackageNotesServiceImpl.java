package io.waybill.core.internal.service;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.PackageNotesService;
import io.waybill.core.api.PackageService;
import io.waybill.core.api.PackageTags;
import io.waybill.core.api.Permission;
import io.waybill.core.api.PrintRules;
import io.waybill.core.internal.db.Database;
import io.waybill.core.internal.security.Authorizer;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.internal.lifecycle.PackageLifecycle;
import io.waybill.core.internal.workflow.TextRules;
import io.waybill.core.model.PackageAction;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.PackageNote;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Notes and tags of packages in plain SQL (tables of migration V16), and the actions of the package page. The
 * package's scope and status come from {@link PackageService#detail(long, String)}; the status rules are the
 * lifecycle's ({@link PackageLifecycle}) and the print rules' ({@link PrintRules}); the roles are the
 * {@link Authorizer}'s.
 */
@Component(service = PackageNotesService.class)
public class PackageNotesServiceImpl implements PackageNotesService {

    private final DataSource ds;
    private final PackageService packages;
    private final Clock clock;
    private volatile Authorizer authorizer;

    @Activate
    public PackageNotesServiceImpl(@Reference Database db, @Reference PackageService packages) {
        this(db.dataSource(), packages, Clock.systemUTC());
    }

    public PackageNotesServiceImpl(DataSource ds, PackageService packages, Clock clock) {
        this.ds = ds;
        this.packages = packages;
        this.clock = clock;
    }

    @Reference
    public void setAuthorizer(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    @Override
    public Set<PackageAction> actions(long packageId, String user) {
        Optional<PackageDetail> found = packages.detail(packageId, user);
        if (found.isEmpty()) {
            return Set.of();
        }
        PackageRow row = found.get().row();
        PackageStatus status = row.status();
        Set<PackageAction> actions = EnumSet.noneOf(PackageAction.class);
        if (PrintRules.canPrint(PrintRules.Document.CARRIER_LABEL, status, row.trackingNo())
                && authorizer.allows(user, Permission.MARK_PRINTED)) {
            actions.add(PackageAction.REPRINT_LABEL);
        }
        if (PackageLifecycle.canMove(status, PackageStatus.VOIDED) && authorizer.allows(user, Permission.VOID)) {
            actions.add(PackageAction.VOID);
        }
        if (status == PackageStatus.UPLOAD_FAILED && authorizer.allows(user, Permission.UPLOAD_TO_CARRIER)) {
            actions.add(PackageAction.REUPLOAD);
        }
        if (authorizer.allows(user, Permission.ANNOTATE_PACKAGE)) {
            actions.add(PackageAction.ADD_NOTE);
            actions.add(PackageAction.EDIT_TAGS);
        }
        // edits before upload: the lifecycle's one status rule (the services check it again, with queued uploads)
        if (PackageLifecycle.canEdit(status) && authorizer.allows(user, Permission.EDIT_ADDRESS)) {
            actions.add(PackageAction.EDIT_ADDRESS);
        }
        if (PackageLifecycle.canEdit(status) && authorizer.allows(user, Permission.EDIT_PACKAGE)) {
            actions.add(PackageAction.EDIT_DECLARATION);
        }
        if (status == PackageStatus.HELD && authorizer.allows(user, Permission.RELEASE_HOLD)) {
            actions.add(PackageAction.RELEASE);
        }
        if (PackageLifecycle.canEdit(status) && authorizer.allows(user, Permission.MERGE_PACKAGES)) {
            actions.add(PackageAction.MERGE_SPLIT);
        }
        return actions;
    }

    @Override
    public List<PackageNote> notes(long packageId, String user) {
        requireVisible(packageId, user);
        return Jdbc.inTransaction(ds, c -> {
            List<PackageNote> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ID, AUTHOR, CREATED_AT, BODY FROM WB_PACKAGE_NOTE "
                    + "WHERE PACKAGE_ID = ? ORDER BY CREATED_AT DESC, ID DESC")) {
                ps.setLong(1, packageId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(new PackageNote(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                                rs.getString(4)));
                    }
                }
            }
            return result;
        });
    }

    @Override
    public PackageNote addNote(long packageId, String text, String user) {
        authorizer.require(user, Permission.ANNOTATE_PACKAGE);
        String body = checkNote(text);
        requireVisible(packageId, user);
        String author = user.strip();
        java.time.Instant now = clock.instant();
        long id = Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO WB_PACKAGE_NOTE (PACKAGE_ID, AUTHOR, "
                    + "CREATED_AT, BODY) VALUES (?, ?, ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, packageId);
                ps.setString(2, author);
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setString(4, body);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new PackageNote(id, author, now, body);
    }

    /** The note as stored (stripped), or a refusal saying what is wrong with it. */
    static String checkNote(String text) {
        if (text == null || text.isBlank()) {
            throw new OperationRefusedException("note_blank", "The note is empty.");
        }
        String body = text.strip();
        if (body.length() > MAX_NOTE_LENGTH) {
            throw new OperationRefusedException("note_too_long",
                    "The note is too long (" + body.length() + " characters, at most " + MAX_NOTE_LENGTH + ").");
        }
        if (TextRules.bidiControlAt(body) >= 0) {
            throw new OperationRefusedException("note_invalid",
                    "The note contains a bidirectional formatting character, which changes how text is displayed: "
                            + TextRules.visible(body.substring(0, Math.min(body.length(), 60))));
        }
        // line breaks and tabs are allowed in a note; any other control character is not
        if (TextRules.controlCharAt(body.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ')) >= 0) {
            throw new OperationRefusedException("note_invalid", "The note contains a control character.");
        }
        return body;
    }

    @Override
    public List<String> tags(long packageId, String user) {
        requireVisible(packageId, user);
        return tags(List.of(packageId)).getOrDefault(packageId, List.of());
    }

    @Override
    public Map<Long, List<String>> tags(Collection<Long> packageIds) {
        Map<Long, List<String>> result = new LinkedHashMap<>();
        if (packageIds == null || packageIds.isEmpty()) {
            return result;
        }
        List<Long> ids = List.copyOf(packageIds);
        return Jdbc.inTransaction(ds, c -> {
            for (int from = 0; from < ids.size(); from += 500) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT PACKAGE_ID, TAG FROM WB_PACKAGE_TAG WHERE "
                        + "PACKAGE_ID IN (" + marks + ") ORDER BY PACKAGE_ID, POS")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setLong(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                        }
                    }
                }
            }
            return result;
        });
    }

    @Override
    public List<String> changeTags(long packageId, Collection<String> add, Collection<String> remove, String user) {
        authorizer.require(user, Permission.ANNOTATE_PACKAGE);
        List<String> toAdd = new ArrayList<>();
        for (String t : add == null ? List.<String>of() : add) {
            String tag = PackageTags.check(t);
            if (toAdd.stream().noneMatch(a -> same(a, tag))) {
                toAdd.add(tag);
            }
        }
        List<String> toRemove = new ArrayList<>();
        for (String t : remove == null ? List.<String>of() : remove) {
            toRemove.add(t == null ? "" : t.strip());
        }
        PackageRow row = requireVisible(packageId, user);
        String who = user.strip();
        java.time.Instant now = clock.instant();
        return Jdbc.inTransaction(ds, c -> {
            List<String> current = new ArrayList<>();
            int lastPos = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT TAG, POS FROM WB_PACKAGE_TAG WHERE PACKAGE_ID = ? "
                    + "ORDER BY POS")) {
                ps.setLong(1, packageId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        current.add(rs.getString(1));
                        lastPos = Math.max(lastPos, rs.getInt(2));
                    }
                }
            }
            List<String> removed = new ArrayList<>();
            for (String r : toRemove) {
                for (String existing : List.copyOf(current)) {
                    if (same(existing, r)) {
                        current.remove(existing);
                        removed.add(existing);
                    }
                }
            }
            List<String> added = new ArrayList<>();
            for (String a : toAdd) {
                if (current.stream().noneMatch(e -> same(e, a))) {
                    current.add(a);
                    added.add(a);
                }
            }
            if (current.size() > MAX_TAGS) {
                throw new OperationRefusedException("too_many_tags", "Package " + row.packageNo() + " would have "
                        + current.size() + " tags; at most " + MAX_TAGS + " are allowed.");
            }
            if (removed.isEmpty() && added.isEmpty()) {
                return current;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM WB_PACKAGE_TAG WHERE PACKAGE_ID = ? "
                    + "AND TAG = ?")) {
                for (String r : removed) {
                    ps.setLong(1, packageId);
                    ps.setString(2, r);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO WB_PACKAGE_TAG (PACKAGE_ID, TAG, POS, "
                    + "ADDED_AT) VALUES (?, ?, ?, ?)")) {
                int pos = lastPos;
                for (String a : added) {
                    ps.setLong(1, packageId);
                    ps.setString(2, a);
                    ps.setInt(3, ++pos);
                    ps.setTimestamp(4, Timestamp.from(now));
                    ps.executeUpdate();
                }
            }
            StringBuilder change = new StringBuilder();
            added.forEach(a -> change.append(change.isEmpty() ? "" : " ").append('+').append(a));
            removed.forEach(r -> change.append(change.isEmpty() ? "" : " ").append('-').append(r));
            Jdbc.audit(c, packageId, null, who, now, "TAGS_CHANGED", null, null, change.toString());
            return current;
        });
    }

    private static boolean same(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    private PackageRow requireVisible(long packageId, String user) {
        return packages.detail(packageId, user).map(PackageDetail::row).orElseThrow(() ->
                new OperationRefusedException("unknown_package", "Unknown package: " + packageId));
    }
}
