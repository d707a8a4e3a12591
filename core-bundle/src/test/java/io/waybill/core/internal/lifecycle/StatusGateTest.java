package io.waybill.core.internal.lifecycle;

import io.waybill.core.model.PackageStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.waybill.core.model.PackageStatus.ALLOCATED;
import static io.waybill.core.model.PackageStatus.OUT_OF_STOCK;
import static io.waybill.core.model.PackageStatus.PRINTED;
import static io.waybill.core.model.PackageStatus.SHIPPED;
import static io.waybill.core.model.PackageStatus.SKU_UNMATCHED;
import static io.waybill.core.model.PackageStatus.SYNCED;
import static io.waybill.core.model.PackageStatus.SYNC_FAILED;
import static io.waybill.core.model.PackageStatus.TRACKED;
import static io.waybill.core.model.PackageStatus.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guarded update is built from the lifecycle: only its allowed predecessors pass. */
class StatusGateTest {

    @Test
    void guardIsTheLifecyclesPredecessors() {
        for (PackageStatus to : PackageStatus.values()) {
            if (PackageLifecycle.sourcesOf(to).isEmpty()) {
                assertThrows(IllegalArgumentException.class, () -> StatusGate.to(to));
                continue;
            }
            StatusGate gate = StatusGate.to(to);
            assertEquals(PackageLifecycle.sourcesOf(to), gate.sources(), to.name());
            for (PackageStatus from : PackageStatus.values()) {
                assertEquals(PackageLifecycle.canMove(from, to), gate.sql().contains("'" + from.name() + "'")
                        && !(from == to && !PackageLifecycle.canMove(to, to)), from + " -> " + to);
            }
        }
        assertEquals("UPDATE WB_PACKAGE SET STATUS = 'SHIPPED', VERSION = VERSION + 1 WHERE STATUS IN ('PRINTED') "
                + "AND ID = ?", StatusGate.to(SHIPPED).sql());
        assertEquals(EnumSet.of(SHIPPED, SYNC_FAILED), StatusGate.to(SYNCED).sources());
    }

    @Test
    void extraColumnsAndConditions_idBoundLast() {
        StatusGate gate = StatusGate.to(ALLOCATED).set("WAREHOUSE_ID = ?, UPDATED_AT = ?")
                .where("STATUS = ? AND VERSION = ?");
        assertEquals("UPDATE WB_PACKAGE SET STATUS = 'ALLOCATED', WAREHOUSE_ID = ?, UPDATED_AT = ?, "
                + "VERSION = VERSION + 1 WHERE STATUS IN ('WAITING', 'OUT_OF_STOCK') AND STATUS = ? AND VERSION = ? "
                + "AND ID = ?", gate.sql());
    }

    @Test
    void narrowing_onlyToAllowedPredecessors_andStaying() {
        assertEquals(EnumSet.of(SKU_UNMATCHED), StatusGate.to(WAITING).from(SKU_UNMATCHED).sources());
        assertThrows(IllegalArgumentException.class, () -> StatusGate.to(SHIPPED).from(TRACKED));
        assertThrows(IllegalArgumentException.class, () -> StatusGate.to(WAITING).from(WAITING));
        assertEquals(EnumSet.of(SKU_UNMATCHED, WAITING, PackageStatus.HELD), StatusGate.to(WAITING).orStaying().sources());
        assertEquals(EnumSet.of(WAITING, OUT_OF_STOCK, PackageStatus.HELD), StatusGate.to(PackageStatus.HELD).sources());
        assertEquals(EnumSet.of(TRACKED, PRINTED), StatusGate.to(PRINTED).orStaying().sources());
        assertEquals(EnumSet.of(WAITING, OUT_OF_STOCK), StatusGate.to(OUT_OF_STOCK).sources());
    }

    /** The gate is the only writer of a package's status: no other core class updates WB_PACKAGE's STATUS. */
    @Test
    void noOtherCoreClassWritesThePackageStatus() throws IOException {
        Path sources = Path.of("src/main/java/io/waybill/core");
        assertTrue(Files.isDirectory(sources), "run from the core-bundle module: " + sources.toAbsolutePath());
        Pattern write = Pattern.compile("UPDATE\\s+WB_PACKAGE\\s+SET\\b(?:(?!WHERE)[^\"])*?\\bSTATUS\\s*=",
                Pattern.CASE_INSENSITIVE);
        List<String> writers;
        try (Stream<Path> files = Files.walk(sources)) {
            writers = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().equals("StatusGate.java"))
                    .filter(f -> {
                        try {
                            // joined lines: the SQL of one statement is often split over string literals
                            String text = Files.readString(f).replaceAll("\"\\s*\\+\\s*\"", "");
                            return write.matcher(text).find();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .map(Path::toString).toList();
        }
        assertEquals(List.of(), writers);
        // and the check finds such a write where there is one
        assertTrue(write.matcher("UPDATE WB_PACKAGE SET STATUS = ?, UPDATED_AT = ?").find());
        assertTrue(write.matcher("UPDATE WB_PACKAGE SET LAST_ERROR = ?, STATUS = 'X' WHERE ID = ?").find());
        assertFalse(write.matcher("UPDATE WB_PACKAGE SET VERSION = VERSION + 1 WHERE ID = ? AND STATUS = ?").find());
    }
}
