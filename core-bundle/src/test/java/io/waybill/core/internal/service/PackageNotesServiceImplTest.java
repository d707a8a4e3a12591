package io.waybill.core.internal.service;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.security.TestAuthorizers;
import io.waybill.core.model.AuditEntry;
import io.waybill.core.model.PackageAction;
import io.waybill.core.model.PackageNote;
import io.waybill.security.AccountStates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notes and tags of packages (migration V16) and the package page's actions, on embedded Derby (and, through
 * {@link #run}, on PostgreSQL in PostgresPackageNotesTest). Packages: 201 P1 allocated to W1, 202 P2 upload failed
 * in W2, 203 P3 tracked in W1 with a tracking number, 204 P4 shipped, 205 P5 voided.
 */
class PackageNotesServiceImplTest {

    private DatabaseEngine db;
    private Setup s;

    /** The service over a seeded database, with users op (operator), sup (supervisor) and w2 (operator, W2 only). */
    static final class Setup {
        final PackageNotesServiceImpl notes;
        final PackageServiceImpl packages;

        Setup(DatabaseEngine db) throws Exception {
            Fixtures.basic(db);
            Object[][] rows = {{1, 11, "ALLOCATED", null}, {2, 12, "UPLOAD_FAILED", null}, {3, 11, "TRACKED", "'TN3'"},
                    {4, 11, "SHIPPED", "'TN4'"}, {5, null, "VOIDED", null}};
            for (Object[] r : rows) {
                int n = (Integer) r[0];
                Fixtures.exec(db, "INSERT INTO WB_ORDER (ID, VERSION, STORE_ID, PLATFORM_ORDER_ID, ORDER_NO, "
                        + "BUYER_NAME, LINE1, CITY, COUNTRY_CODE, CANCELLED, CREATED_AT, CAPTURED_AT, UPDATED_AT) "
                        + "VALUES (" + (100 + n) + ", 1, 1, 'PO" + n + "', 'O" + n + "', 'Buyer', '1 Main St', 'Town', "
                        + "'US', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                Fixtures.exec(db, "INSERT INTO WB_PACKAGE (ID, VERSION, PACKAGE_NO, ORDER_ID, STATUS, WAREHOUSE_ID, "
                        + "TRACKING_NO, EXPECTED_WEIGHT_GRAMS, PRINT_COUNT, CREATED_AT, UPDATED_AT) VALUES ("
                        + (200 + n) + ", 1, 'P" + n + "', " + (100 + n) + ", '" + r[2] + "', " + r[1] + ", " + r[3]
                        + ", 100, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }
            packages = new PackageServiceImpl(db);
            packages.setScopes(user -> "w2".equals(user)
                    ? AccountStates.State.DEFAULT.withScope(Set.of("W2"), Set.of()) : AccountStates.State.DEFAULT);
            notes = new PackageNotesServiceImpl(db.dataSource(), packages,
                    Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC));
            notes.setAuthorizer(TestAuthorizers.of(Map.of("op", Set.of("operator"), "sup", Set.of("supervisor"),
                    "w2", Set.of("operator"), "viewer", Set.of())));
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.inMemory();
        s = new Setup(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void notesAndTagsArePersistedAndValidated() {
        run(s);
    }

    @Test
    void aHeldPackageOffersItsEditsAndRelease_toTheRolesThatMay() throws Exception {
        Fixtures.exec(db, "UPDATE WB_PACKAGE SET STATUS = 'HELD', WAREHOUSE_ID = NULL WHERE ID = 201");
        assertEquals(Set.of(PackageAction.ADD_NOTE, PackageAction.EDIT_TAGS, PackageAction.EDIT_ADDRESS,
                PackageAction.MERGE_SPLIT), s.notes.actions(201, "op"));
        assertEquals(Set.of(PackageAction.VOID, PackageAction.ADD_NOTE, PackageAction.EDIT_TAGS,
                PackageAction.EDIT_ADDRESS, PackageAction.EDIT_DECLARATION, PackageAction.RELEASE,
                PackageAction.MERGE_SPLIT), s.notes.actions(201, "sup"));
    }

    /** Split / undo split / undo merge: before upload, for the roles with MERGE_PACKAGES (a user without a role: no). */
    @Test
    void splitAndMergeAreOfferedBeforeUploadToTheRolesThatMay() throws Exception {
        assertTrue(s.notes.actions(201, "op").contains(PackageAction.MERGE_SPLIT));
        assertFalse(s.notes.actions(201, "viewer").contains(PackageAction.MERGE_SPLIT));
        Fixtures.exec(db, "UPDATE WB_PACKAGE SET STATUS = 'TRACKED', TRACKING_NO = 'T-201' WHERE ID = 201");
        assertFalse(s.notes.actions(201, "op").contains(PackageAction.MERGE_SPLIT), "uploaded");
    }

    /** The whole contract on one seeded database (shared with the PostgreSQL test). */
    static void run(Setup s) {
        PackageNotesServiceImpl notes = s.notes;
        // notes: newest first, with author and time; stripped; line breaks kept
        PackageNote first = notes.addNote(201, "  Buyer called: leave at the door  ", "op");
        assertEquals("Buyer called: leave at the door", first.text());
        assertEquals("op", first.author());
        notes.addNote(201, "第二条备注\nsecond line", "sup");
        List<PackageNote> list = notes.notes(201, "op");
        assertEquals(2, list.size());
        assertEquals("第二条备注\nsecond line", list.get(0).text());
        assertEquals("sup", list.get(0).author());
        assertEquals(Instant.parse("2026-12-06T10:00:00Z"), list.get(1).at());
        assertEquals("Buyer called: leave at the door", list.get(1).text());

        // refusals write nothing
        assertEquals("note_blank", code(() -> notes.addNote(201, "   ", "op")));
        assertEquals("note_blank", code(() -> notes.addNote(201, null, "op")));
        assertEquals("note_too_long", code(() -> notes.addNote(201, "x".repeat(1001), "op")));
        notes.addNote(202, "y".repeat(1000), "op");
        assertEquals("note_invalid", code(() -> notes.addNote(201, "gnp\u202Eexe", "op")));
        assertEquals("note_invalid", code(() -> notes.addNote(201, "bell\u0007", "op")));
        assertEquals("not_permitted", code(() -> notes.addNote(201, "hi", "nobody")));
        // another warehouse's package is unknown to a scoped user, for reading and writing
        assertEquals("unknown_package", code(() -> notes.addNote(201, "hi", "w2")));
        assertEquals("unknown_package", code(() -> notes.notes(201, "w2")));
        assertEquals("unknown_package", code(() -> notes.addNote(999, "hi", "op")));
        assertEquals(2, notes.notes(201, "op").size());
        assertEquals(1, notes.notes(202, "w2").size());

        // tags: added in order, case-insensitive, CJK allowed, removed
        assertEquals(List.of("fragile", "VIP", "易碎"), notes.changeTags(201, List.of("fragile", "VIP", "易碎",
                "Fragile"), List.of(), "op"));
        assertEquals(List.of("VIP", "易碎", "gift_wrap"), notes.changeTags(201, List.of("gift_wrap"),
                List.of("FRAGILE", "absent"), "op"));
        assertEquals(List.of("VIP", "易碎", "gift_wrap"), notes.tags(201, "op"));
        assertEquals(Map.of(201L, List.of("VIP", "易碎", "gift_wrap")), notes.tags(List.of(201L, 202L)));
        assertEquals("tag_invalid", code(() -> notes.changeTags(201, List.of("two words"), List.of(), "op")));
        assertEquals("tag_invalid", code(() -> notes.changeTags(201, List.of("a".repeat(31)), List.of(), "op")));
        assertEquals("tag_invalid", code(() -> notes.changeTags(201, List.of(" "), List.of(), "op")));
        assertEquals("tag_invalid", code(() -> notes.changeTags(201, List.of("ok", "x\u202E"), List.of(), "op")));
        assertEquals(4, notes.changeTags(201, List.of("a".repeat(30)), List.of(), "op").size());
        assertEquals(3, notes.changeTags(201, List.of(), List.of("a".repeat(30)), "op").size());
        assertEquals("too_many_tags", code(() -> notes.changeTags(201, List.of("t1", "t2", "t3", "t4", "t5", "t6",
                "t7", "t8"), List.of(), "op")));
        assertEquals("not_permitted", code(() -> notes.changeTags(201, List.of("t1"), List.of(), "nobody")));
        assertEquals("unknown_package", code(() -> notes.changeTags(201, List.of("t1"), List.of(), "w2")));
        assertEquals(List.of("VIP", "易碎", "gift_wrap"), notes.tags(201, "op"));
        // swapping one tag for another at the limit is allowed
        notes.changeTags(201, List.of("t1", "t2", "t3", "t4", "t5", "t6", "t7"), List.of(), "op");
        assertEquals(10, notes.changeTags(201, List.of("t8"), List.of("t7"), "op").size());
        // each change is in the history
        List<AuditEntry> history = s.packages.detail(201).orElseThrow().history();
        assertTrue(history.stream().anyMatch(a -> "TAGS_CHANGED".equals(a.action())
                && "+gift_wrap -fragile".equals(a.reason()) && "op".equals(a.actor())), history.toString());

        // actions: by status and role (edits before upload: the address for everyone, the declaration supervisors)
        assertEquals(Set.of(PackageAction.ADD_NOTE, PackageAction.EDIT_TAGS, PackageAction.EDIT_ADDRESS,
                PackageAction.MERGE_SPLIT), notes.actions(201, "op"));
        assertEquals(Set.of(PackageAction.VOID, PackageAction.ADD_NOTE, PackageAction.EDIT_TAGS,
                PackageAction.EDIT_ADDRESS, PackageAction.EDIT_DECLARATION, PackageAction.MERGE_SPLIT),
                notes.actions(201, "sup"));
        assertEquals(Set.of(PackageAction.REUPLOAD, PackageAction.VOID, PackageAction.ADD_NOTE,
                PackageAction.EDIT_TAGS, PackageAction.EDIT_ADDRESS, PackageAction.EDIT_DECLARATION,
                PackageAction.MERGE_SPLIT), notes.actions(202, "sup"));
        assertEquals(Set.of(PackageAction.REPRINT_LABEL, PackageAction.VOID, PackageAction.ADD_NOTE,
                PackageAction.EDIT_TAGS), notes.actions(203, "sup"));
        assertEquals(Set.of(PackageAction.REPRINT_LABEL, PackageAction.ADD_NOTE, PackageAction.EDIT_TAGS),
                notes.actions(204, "sup"));
        assertEquals(Set.of(PackageAction.ADD_NOTE, PackageAction.EDIT_TAGS), notes.actions(205, "sup"));
        assertEquals(Set.of(), notes.actions(203, "nobody"));
        assertEquals(Set.of(), notes.actions(201, "w2"));
    }

    private static String code(Runnable r) {
        return assertThrows(OperationRefusedException.class, r::run).code();
    }
}
