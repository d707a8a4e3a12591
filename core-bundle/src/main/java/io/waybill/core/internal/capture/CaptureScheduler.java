package io.waybill.core.internal.capture;

import io.waybill.core.internal.workers.WorkerPool;
import io.waybill.core.api.OperationRefusedException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Captures orders on a schedule: once a minute it captures every store whose marketplace plugin is installed and
 * whose capture interval has passed. The core owns this thread; plugins start none.
 */
@Component(immediate = true)
public class CaptureScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureScheduler.class);

    private final OrderCaptureServiceImpl capture;
    private final WorkerPool workers;
    private final ScheduledExecutorService executor;

    @Activate
    public CaptureScheduler(@Reference OrderCaptureServiceImpl capture, @Reference WorkerPool workers) {
        this.capture = capture;
        this.workers = workers;
        executor = workers.scheduler("capture");
        executor.scheduleWithFixedDelay(this::runDue, 30, 60, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        workers.close(executor, Duration.ZERO);
    }

    void runDue() {
        try {
            for (String store : capture.storesDue()) {
                try {
                    capture.captureScheduled(store);
                } catch (OperationRefusedException e) {
                    LOG.debug("Scheduled capture of {} failed: {}", store, e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Scheduled capture failed: {}", e.getMessage());
        }
    }
}
