package io.waybill.ui.internal.batch;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.BatchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a batch action chunk by chunk (on a background thread) and merges the outcome. A chunk whose call throws
 * does not stop the batch: each of its packages becomes a failure with a readable reason, and the next chunk runs.
 * Nothing here touches Vaadin, so it can be tested and run off the UI thread.
 */
public final class BatchRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);

    /** Failure code of packages whose chunk threw instead of answering. */
    public static final String CODE_ERROR = "error";

    /** Told after every chunk. Called on the batch thread. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);
    }

    private BatchRunner() {
    }

    /**
     * @param ids           packages, in the order the operator sees them
     * @param chunkSize     packages per call
     * @param action        the core call for one chunk
     * @param numbers       package numbers by id, for failures of chunks that threw
     * @param unexpected    reason shown for an exception that is not an {@link OperationRefusedException}
     *                      (its message is technical and not meant for operators; it is logged instead)
     * @param progress      told after each chunk
     * @return all chunks' outcomes together; {@code requested} is the number of ids
     */
    public static BatchResult run(List<Long> ids, int chunkSize, Function<List<Long>, BatchResult> action,
                                  Map<Long, String> numbers, String unexpected, Progress progress) {
        List<Long> succeeded = new ArrayList<>();
        List<BatchResult.Failure> failures = new ArrayList<>();
        int done = 0;
        progress.update(0, ids.size());
        for (List<Long> chunk : Chunks.of(ids, chunkSize)) {
            try {
                BatchResult result = action.apply(chunk);
                succeeded.addAll(result.succeeded());
                failures.addAll(result.failures());
            } catch (OperationRefusedException e) {
                for (Long id : chunk) {
                    failures.add(new BatchResult.Failure(id, numbers.getOrDefault(id, String.valueOf(id)),
                            e.code(), e.getMessage()));
                }
            } catch (RuntimeException e) {
                LOG.warn("Batch chunk of {} packages failed", chunk.size(), e);
                for (Long id : chunk) {
                    failures.add(new BatchResult.Failure(id, numbers.getOrDefault(id, String.valueOf(id)),
                            CODE_ERROR, unexpected));
                }
            }
            done += chunk.size();
            progress.update(done, ids.size());
        }
        return new BatchResult(ids.size(), succeeded, failures);
    }
}
