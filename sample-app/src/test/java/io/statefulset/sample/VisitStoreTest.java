package io.statefulset.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisitStoreTest {

    @TempDir
    Path dir;

    @Test
    void countSurvivesReopening() throws IOException {
        VisitStore store = VisitStore.open(dir);
        assertEquals(0, store.count());
        for (int i = 0; i < 9; i++) {
            store.increment();
        }
        assertEquals(9, VisitStore.open(dir).count());
        assertEquals("9\n", Files.readString(dir.resolve("visits")));
    }

    @Test
    void writesLeaveNoTemporaryFileBehind() throws IOException {
        VisitStore.open(dir).increment();
        try (var files = Files.list(dir)) {
            assertEquals(
                    List.of("visits"),
                    files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aFileThatHoldsNoCountIsRefusedNotReset() throws IOException {
        Files.writeString(dir.resolve("visits"), "12x");
        IOException e = assertThrows(IOException.class, () -> VisitStore.open(dir));
        assertTrue(e.getMessage().contains("does not hold a visit count"));
        assertEquals("12x", Files.readString(dir.resolve("visits")));
    }

    @Test
    void concurrentIncrementsAreCountedExactly() throws Exception {
        VisitStore store = VisitStore.open(dir);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    store.increment();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertEquals(400, store.count());
        assertEquals(400, VisitStore.open(dir).count());
    }

    @Test
    void aFailedWriteIsNotCounted() throws IOException {
        VisitStore store = VisitStore.open(dir);
        store.increment();
        // A directory where the temporary file should go makes the next write fail.
        Files.createDirectory(dir.resolve("visits.tmp"));
        assertThrows(IOException.class, store::increment);
        assertEquals(1, store.count());
        assertFalse(Files.readString(dir.resolve("visits")).contains("2"));
    }
}
