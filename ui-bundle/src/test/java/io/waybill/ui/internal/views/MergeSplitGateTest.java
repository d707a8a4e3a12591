package io.waybill.ui.internal.views;

import io.waybill.core.model.PackageAction;
import io.waybill.core.model.UserIdentity;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gate of the Split / Undo split / Undo merge buttons of the package page and the Merge buttons of the To review
 * tab (issue 14): shown only when the core's permission matrix lets the user (MERGE_PACKAGES; the package page through
 * the core's {@link PackageAction#MERGE_SPLIT}, which also says "before upload").
 */
class MergeSplitGateTest {

    @Test
    void thePackagePageShowsSplitAndUndoOnlyWhenTheCoreOffersIt() {
        assertTrue(PackageGroupCard.mayChange(EnumSet.of(PackageAction.ADD_NOTE, PackageAction.MERGE_SPLIT)));
        assertFalse(PackageGroupCard.mayChange(EnumSet.allOf(PackageAction.class).stream()
                .filter(a -> a != PackageAction.MERGE_SPLIT).collect(java.util.stream.Collectors.toSet())),
                "every other action, not this one");
        assertFalse(PackageGroupCard.mayChange(Set.of()));
        assertFalse(PackageGroupCard.mayChange(null), "no actions read (service unavailable)");
    }

    @Test
    void theReviewTabShowsMergeToTheRolesThatMay() {
        assertTrue(MergeSuggestionsPanel.mayMerge(Set.of(UserIdentity.OPERATOR)));
        assertTrue(MergeSuggestionsPanel.mayMerge(Set.of(UserIdentity.ADMIN)));
        assertFalse(MergeSuggestionsPanel.mayMerge(Set.of()), "a user without a Waybill role");
        assertFalse(MergeSuggestionsPanel.mayMerge(Set.of("viewer")));
    }
}
