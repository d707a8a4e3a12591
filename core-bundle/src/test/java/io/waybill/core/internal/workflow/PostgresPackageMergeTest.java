package io.waybill.core.internal.workflow;

import io.waybill.core.internal.db.DatabaseEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Merge and its undo on a real PostgreSQL server (V30 there too); the scenarios share one database. */
class PostgresPackageMergeTest extends MergeScenarios {
    private static ScenarioDb db;

    @Override
    DatabaseEngine db() {
        return db.engine();
    }

    @BeforeAll
    static void start() throws Exception {
        db = ScenarioDb.postgres(PostgresPackageMergeTest.class, MergeScenarios::stock);
    }

    @AfterAll
    static void stop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void allocatedPackagesMergeAndComeBackWithTheirReservations() throws Exception {
        mergeOfAllocatedPackagesKeepsReservationsAndUndoRestoresThem("pg1");
    }

    @Test
    void mergedWaitingPackagesAllocateOnceAndUndoHandsEachItsShare() throws Exception {
        mergedWaitingPackagesAllocateOnceForAllOrders("pg2");
    }

    @Test
    void refusedMergesAndUndosWriteNothing() throws Exception {
        refusalsWriteNothing("pg3");
    }

    @Test
    void suggestsPackagesOfOneBuyerAtOneStep() throws Exception {
        suggestsPackagesOfOneBuyer("pg4");
    }

    @Test
    void syncConfirmsTheTrackingNumberToEverySourceOrderOnce() throws Exception {
        syncConfirmsEverySourceOrderOnce("pg5");
    }

    @Test
    void voidingAMergedParcelVoidsWhatWasMergedIntoIt() throws Exception {
        voidingAMergedParcelVoidsThePackagesMergedIntoIt("p6");
    }

    @Test
    void aRecaptureOfTheParcelsOrderKeepsTheMergedWeight() throws Exception {
        recaptureOfAMergedParcelsOrderKeepsTheMergedWeight("p7");
    }

    @Test
    void storeAndCountryCountsEqualTheExactCountsAfterEveryChange() throws Exception {
        storeAndCountryCountsStayExact("p8");
    }

    @Test
    void aUserMergesOnlyPackagesInTheirScope() throws Exception {
        mergeRespectsTheUsersScope("p9");
    }

    @Test
    void tabCountsAreEstimatedAboveTheThresholdAndFollowStatusChanges() throws Exception {
        tabCountsAreEstimatedAndFollowStatusChanges("p15");
    }

    @Test
    void pagesSortedByStoreBuyerAndCountryEqualTheJoinsOrder() throws Exception {
        sortedPagesEqualTheJoinsOrder("p16");
    }

    @Test
    void aMergedParcelIsAllItsOrdersToTheRulesQuotesAndCustoms() throws Exception {
        rulesSeeEveryOrderOfAMergedParcel("p17", 9703);
    }

    @Test
    void undoMergeAppliesTheRulesAgainKeepingWhatWasAssignedByHand() throws Exception {
        undoMergeAppliesTheRulesAgainKeepingWhatWasAssignedByHand("p18", 9713);
    }
}
