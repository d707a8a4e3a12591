package io.waybill.core.internal.shell;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.PackageNote;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code waybill:package-tag}'s +tag / -tag arguments and the tags and notes lines of {@code package-show}. */
class PackageTagCommandTest {

    @Test
    void plusAddsMinusRemovesAndAnythingElseIsRefusedBeforeAChange() {
        List<String> add = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        PackageTagCommand.parse(List.of("+fragile", "-vip", "+易碎"), add, remove);
        assertEquals(List.of("fragile", "易碎"), add);
        assertEquals(List.of("vip"), remove);

        for (String bad : List.of("fragile", "+", "-")) {
            OperationRefusedException e = assertThrows(OperationRefusedException.class,
                    () -> PackageTagCommand.parse(List.of(bad), new ArrayList<>(), new ArrayList<>()));
            assertEquals("tag_invalid", e.code(), bad);
        }
    }

    @Test
    void packageShowListsTagsThenNotesNewestFirstWithAuthorTimeAndEveryLine() {
        List<PackageNote> notes = List.of(
                new PackageNote(2, "sup", Instant.parse("2026-12-06T10:05:00Z"), "Second\nline two"),
                new PackageNote(1, "op", Instant.parse("2026-12-06T10:00:00Z"), "First"));
        List<String> lines = PackageShowCommand.notesAndTags(notes, List.of("fragile", "易碎"));
        assertEquals("Tags      fragile 易碎", lines.get(0));
        assertEquals("Notes", lines.get(1));
        assertEquals("  " + Formats.time(notes.get(0).at()) + "  sup  Second", lines.get(2));
        assertEquals("      line two", lines.get(3));
        assertEquals("  " + Formats.time(notes.get(1).at()) + "  op  First", lines.get(4));
        assertEquals(List.of("Tags      -", "Notes     -"), PackageShowCommand.notesAndTags(List.of(), List.of()));
    }
}
