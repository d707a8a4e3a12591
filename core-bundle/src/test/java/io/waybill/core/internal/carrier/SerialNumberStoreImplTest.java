package io.waybill.core.internal.carrier;

import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.spi.carrier.SerialNumberStore.IssuedSerial;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SerialNumberStoreImplTest {

    @Test
    void theActivationConstructorIsTheOnlyPublicOneSoScrDoesNotLogAnErrorForTheOther() {
        // given
        java.lang.reflect.Constructor<?>[] publicOnes = SerialNumberStoreImpl.class.getConstructors();

        // when
        List<Class<?>> parameterTypes = java.util.Arrays.stream(publicOnes)
                .flatMap(c -> java.util.Arrays.stream(c.getParameterTypes())).toList();

        // then
        assertEquals(1, publicOnes.length, "public constructors");
        assertEquals(List.of(io.waybill.core.internal.db.Database.class), parameterTypes,
                "the @Activate constructor takes the Database service");
    }

    @Test
    void eightThreadsGetEverySerialExactlyOnceAndKeysAreIdempotentAcrossRestarts(@TempDir Path dir) throws Exception {
        Set<Long> serials = new HashSet<>();
        try (DatabaseEngine db = TestDatabase.onDisk(dir.resolve("db"))) {
            SerialNumberStoreImpl store = new SerialNumberStoreImpl(db.dataSource());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        Result<IssuedSerial> r = store.take("RR100-399CN", 100, 399, "k-" + thread + "-" + i);
                        if (r.isOk()) {
                            mine.add(r.value().serial());
                        }
                    }
                    return mine;
                }));
            }
            for (Future<List<Long>> f : futures) {
                for (long s : f.get()) {
                    assertTrue(serials.add(s), "serial " + s + " handed out twice");
                }
            }
            pool.shutdown();
            assertEquals(200, serials.size());
            assertEquals(100, store.remaining("RR100-399CN", 100, 399));
        }
        // after a restart: the same key gets the same serial, new keys continue after the last one
        try (DatabaseEngine db = TestDatabase.onDisk(dir.resolve("db"))) {
            SerialNumberStoreImpl store = new SerialNumberStoreImpl(db.dataSource());
            IssuedSerial again = store.take("RR100-399CN", 100, 399, "k-3-7").value();
            assertTrue(again.reused());
            assertTrue(serials.contains(again.serial()));
            IssuedSerial fresh = store.take("RR100-399CN", 100, 399, "new-key").value();
            assertFalse(serials.contains(fresh.serial()));
            assertEquals(300, fresh.serial());
        }
    }

    @Test
    void anExhaustedRangeSaysSo() throws Exception {
        try (DatabaseEngine db = TestDatabase.inMemory()) {
            SerialNumberStoreImpl store = new SerialNumberStoreImpl(db.dataSource());
            assertTrue(store.take("R1", 1, 2, "a").isOk());
            assertTrue(store.take("R1", 1, 2, "b").isOk());
            Result<IssuedSerial> r = store.take("R1", 1, 2, "c");
            assertFalse(r.isOk());
            assertEquals("range_exhausted", r.messages().get(0).code());
            assertEquals(0, store.remaining("R1", 1, 2));
        }
    }
}
