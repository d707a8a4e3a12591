package io.waybill.core.model;

import java.time.Instant;

/**
 * An internal remark on a package (never shown to the buyer or sent to a marketplace or carrier). Since 1.4.
 *
 * @param id     the note's id
 * @param author user name of who wrote it
 * @param at     when it was written
 * @param text   the note as written (at most 1,000 characters)
 */
public record PackageNote(long id, String author, Instant at, String text) {
}
