package io.waybill.core.internal.workflow;

import io.waybill.core.internal.db.DatabaseEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Split and its undo on a real PostgreSQL server (V33 there too); the scenarios share one database. */
class PostgresPackageSplitTest extends SplitScenarios {
    private static ScenarioDb db;

    @Override
    DatabaseEngine db() {
        return db.engine();
    }

    @BeforeAll
    static void start() throws Exception {
        db = ScenarioDb.postgres(PostgresPackageSplitTest.class, SplitScenarios::stock);
    }

    @AfterAll
    static void stop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void anAllocatedPackageSplitByLinesKeepsItsReservationExact() throws Exception {
        splitOfAnAllocatedPackageMovesItsReservationWithTheLines("ps1");
    }

    @Test
    void undoJoinsTheSplitBack() throws Exception {
        undoJoinsTheSplitBack("ps2");
    }

    @Test
    void splitByWarehouseGivesEachWarehouseItsLines() throws Exception {
        splitByWarehouseGivesEachWarehouseItsLines("ps3");
    }

    @Test
    void refusedSplitsWriteNothing() throws Exception {
        refusalsWriteNothing("ps4");
    }

    @Test
    void syncConfirmsEachPackagesItems() throws Exception {
        syncConfirmsEachPackagesItems("ps5");
    }

    @Test
    void syncRefusalOfAPartialShipmentIsAStructuredReason() throws Exception {
        syncRefusalOfAPartialShipmentIsAStructuredReason("ps8");
    }

    @Test
    void aSplitPackageIsWhatItCarries() throws Exception {
        aSplitPackageIsWhatItCarries("ps6", 9602);
    }

    @Test
    void undoJoinsPackagesAtDifferentSteps() throws Exception {
        undoJoinsPackagesAtDifferentSteps("ps7");
    }

    @Test
    void syncConfirmsEachPackagesLinesByTheirMarketplaceIds() throws Exception {
        syncConfirmsEachPackagesLinesByTheirMarketplaceIds("ps-ids");
    }

    @Test
    void undoSplitAppliesTheRulesAgainKeepingWhatWasAssignedByHand() throws Exception {
        undoSplitAppliesTheRulesAgainKeepingWhatWasAssignedByHand("ps9", 9613);
    }
}
