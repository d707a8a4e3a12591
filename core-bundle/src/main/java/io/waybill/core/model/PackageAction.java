package io.waybill.core.model;

/**
 * What a user may do to one package from its page, as the core decides it from the package's status and the user's
 * roles ({@code PackageNotesService#actions}). Since 1.4.
 */
public enum PackageAction {
    /** Print the carrier label again (and mark the package printed when it may be). */
    REPRINT_LABEL,
    /** Void (cancel) the package with a reason. */
    VOID,
    /** Queue the package for upload to the carrier again after a failed upload. */
    REUPLOAD,
    /** Add an internal note. */
    ADD_NOTE,
    /** Add or remove tags. */
    EDIT_TAGS,
    /** Correct the ship-to address (before upload, {@code Permission.EDIT_ADDRESS}). Since 1.11. */
    EDIT_ADDRESS,
    /** Edit the customs declaration or let it follow the catalogue again (before upload,
     * {@code Permission.EDIT_PACKAGE}). Since 1.11. */
    EDIT_DECLARATION,
    /** Release a package held for review back to waiting ({@code Permission.RELEASE_HOLD}). Since 1.11. */
    RELEASE,
    /**
     * Split the package, undo its split or its merge, before upload ({@code Permission.MERGE_PACKAGES}); the split
     * and merge services decide what applies to the package (its group, splittable) and check both again. Since 1.17.
     */
    MERGE_SPLIT
}
