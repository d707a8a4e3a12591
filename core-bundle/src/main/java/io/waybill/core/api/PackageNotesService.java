package io.waybill.core.api;

import io.waybill.core.model.PackageAction;
import io.waybill.core.model.PackageNote;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Internal notes and free tags on packages, and what a user may do to one package from its page. Every method
 * applies the user's warehouse/store scope: a package outside it is as unknown as a wrong id
 * ({@code unknown_package}). Since 1.4.
 * <ul>
 *   <li>A <b>note</b> is at most {@value #MAX_NOTE_LENGTH} characters, not blank, without control or bidirectional
 *       formatting characters (line breaks are allowed); it records its author and time and is never edited.</li>
 *   <li>A <b>tag</b> is 1 to {@value #MAX_TAG_LENGTH} letters (any script, e.g. CJK), digits, {@code -} or
 *       {@code _}; a package has at most {@value #MAX_TAGS} tags. Tags are kept as typed and compared ignoring case,
 *       so "Fragile" and "fragile" are one tag.</li>
 * </ul>
 */
public interface PackageNotesService {

    int MAX_NOTE_LENGTH = 1000;
    int MAX_TAGS = 10;
    int MAX_TAG_LENGTH = 30;

    /**
     * The actions the user may take on the package now: allowed by its status (the lifecycle and print rules) and by
     * the user's roles ({@link Permission}). Empty for an unknown or out-of-scope package.
     */
    Set<PackageAction> actions(long packageId, String user);

    /** The package's notes, newest first. */
    List<PackageNote> notes(long packageId, String user);

    /**
     * Adds a note written by the user.
     *
     * @throws OperationRefusedException {@code not_permitted}, {@code unknown_package}, {@code note_blank},
     *                                   {@code note_too_long} or {@code note_invalid}; nothing is written then
     */
    PackageNote addNote(long packageId, String text, String user);

    /** The package's tags, in the order they were added. */
    List<String> tags(long packageId, String user);

    /** Tags of several packages (for lists), by package id; packages without tags are absent. No scope applied. */
    Map<Long, List<String>> tags(Collection<Long> packageIds);

    /**
     * Adds and removes tags in one change and returns the package's tags after it. Adding a tag the package has, or
     * removing one it has not, changes nothing. Each change is recorded in the package's history.
     *
     * @throws OperationRefusedException {@code not_permitted}, {@code unknown_package}, {@code tag_invalid} (naming
     *                                   the tag and why) or {@code too_many_tags}; nothing is changed then
     */
    List<String> changeTags(long packageId, Collection<String> add, Collection<String> remove, String user);
}
