package io.waybill.core.internal.workflow;

import io.waybill.core.internal.db.DatabaseEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Merge and its undo on Derby, each scenario on a fresh database. */
class PackageMergeTest extends MergeScenarios {
    private ScenarioDb db;

    @Override
    DatabaseEngine db() {
        return db.engine();
    }

    @BeforeEach
    void open() throws Exception {
        db = ScenarioDb.derby(MergeScenarios::stock);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void allocatedPackagesMergeAndComeBackWithTheirReservations() throws Exception {
        mergeOfAllocatedPackagesKeepsReservationsAndUndoRestoresThem("m1");
    }

    @Test
    void mergedWaitingPackagesAllocateOnceAndUndoHandsEachItsShare() throws Exception {
        mergedWaitingPackagesAllocateOnceForAllOrders("m2");
    }

    @Test
    void refusedMergesAndUndosWriteNothing() throws Exception {
        refusalsWriteNothing("m3");
    }

    @Test
    void suggestsPackagesOfOneBuyerAtOneStep() throws Exception {
        suggestsPackagesOfOneBuyer("m4");
    }

    @Test
    void syncConfirmsTheTrackingNumberToEverySourceOrderOnce() throws Exception {
        syncConfirmsEverySourceOrderOnce("m5");
    }

    @Test
    void voidingAMergedParcelVoidsWhatWasMergedIntoIt() throws Exception {
        voidingAMergedParcelVoidsThePackagesMergedIntoIt("m6");
    }

    @Test
    void aRecaptureOfTheParcelsOrderKeepsTheMergedWeight() throws Exception {
        recaptureOfAMergedParcelsOrderKeepsTheMergedWeight("m7");
    }

    @Test
    void storeAndCountryCountsEqualTheExactCountsAfterEveryChange() throws Exception {
        storeAndCountryCountsStayExact("m8");
    }

    @Test
    void aUserMergesOnlyPackagesInTheirScope() throws Exception {
        mergeRespectsTheUsersScope("m9");
    }

    @Test
    void tabCountsAreEstimatedAboveTheThresholdAndFollowStatusChanges() throws Exception {
        tabCountsAreEstimatedAndFollowStatusChanges("m15");
    }

    @Test
    void pagesSortedByStoreBuyerAndCountryEqualTheJoinsOrder() throws Exception {
        sortedPagesEqualTheJoinsOrder("m16");
    }

    @Test
    void aMergedParcelIsAllItsOrdersToTheRulesQuotesAndCustoms() throws Exception {
        rulesSeeEveryOrderOfAMergedParcel("m17", 9701);
    }

    @Test
    void undoMergeAppliesTheRulesAgainKeepingWhatWasAssignedByHand() throws Exception {
        undoMergeAppliesTheRulesAgainKeepingWhatWasAssignedByHand("m18", 9711);
    }
}
