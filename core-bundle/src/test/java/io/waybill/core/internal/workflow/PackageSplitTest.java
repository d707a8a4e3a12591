package io.waybill.core.internal.workflow;

import io.waybill.core.internal.db.DatabaseEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Split and its undo on Derby, each scenario on a fresh database. */
class PackageSplitTest extends SplitScenarios {
    private ScenarioDb db;

    @Override
    DatabaseEngine db() {
        return db.engine();
    }

    @BeforeEach
    void open() throws Exception {
        db = ScenarioDb.derby(SplitScenarios::stock);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void anAllocatedPackageSplitByLinesKeepsItsReservationExact() throws Exception {
        splitOfAnAllocatedPackageMovesItsReservationWithTheLines("s1");
    }

    @Test
    void undoJoinsTheSplitBack() throws Exception {
        undoJoinsTheSplitBack("s2");
    }

    @Test
    void splitByWarehouseGivesEachWarehouseItsLines() throws Exception {
        splitByWarehouseGivesEachWarehouseItsLines("s3");
    }

    @Test
    void refusedSplitsWriteNothing() throws Exception {
        refusalsWriteNothing("s4");
    }

    @Test
    void syncConfirmsEachPackagesItems() throws Exception {
        syncConfirmsEachPackagesItems("s5");
    }

    @Test
    void syncRefusalOfAPartialShipmentIsAStructuredReason() throws Exception {
        syncRefusalOfAPartialShipmentIsAStructuredReason("s8");
    }

    @Test
    void aSplitPackageIsWhatItCarries() throws Exception {
        aSplitPackageIsWhatItCarries("s6", 9601);
    }

    @Test
    void undoJoinsPackagesAtDifferentSteps() throws Exception {
        undoJoinsPackagesAtDifferentSteps("s7");
    }

    @Test
    void syncConfirmsEachPackagesLinesByTheirMarketplaceIds() throws Exception {
        syncConfirmsEachPackagesLinesByTheirMarketplaceIds("sp-ids");
    }

    @Test
    void undoSplitAppliesTheRulesAgainKeepingWhatWasAssignedByHand() throws Exception {
        undoSplitAppliesTheRulesAgainKeepingWhatWasAssignedByHand("s9", 9611);
    }
}
