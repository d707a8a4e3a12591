package io.waybill.ui.internal.views;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.waybill.core.api.BulkActionService;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.BulkRun;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;
import io.waybill.ui.internal.i18n.Reasons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code bulk-run}: the progress of a batch action over a whole "select all" selection that the core runs in chunks
 * ({@link BulkActionService}): "n / N packages · d done, f failed" with a bar and a Stop button, read from the core
 * once a second (one small read, not a message per package). The run belongs to the core, not to the page: leaving
 * the page and coming back shows it again; when it ends the page's lists are refreshed and the result opens (counts,
 * the first failures with their reasons, a note when stopped or cut short).
 */
final class BulkRunPanel extends Div {
    private static final Logger LOG = LoggerFactory.getLogger(BulkRunPanel.class);
    static final int REFRESH_MS = 1000;

    private final Span title = new Span();
    private final ProgressBar bar = new ProgressBar(0, 1, 0);
    private final Span text = new Span();
    private final Button stop = new Button();
    private final Runnable onEnd;
    private final String actor;
    private BulkActionService service;
    private long runId = -1;
    private ScheduledFuture<?> ticker;
    private boolean polling;

    /** @param onEnd run on the UI when a followed run ends, before its result opens (e.g. refresh the lists) */
    BulkRunPanel(String actor, Runnable onEnd) {
        this.actor = actor;
        this.onEnd = onEnd;
        setId("bulk-run");
        addClassName("wb-alert");
        addClassName("wb-progress");
        title.setId("bulk-title");
        bar.setId("bulk-progress");
        text.setId("bulk-progress-text");
        text.addClassName("wb-muted");
        stop.setId("bulk-stop");
        stop.setText(getTranslation("bulk.stop"));
        stop.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        stop.addClickListener(e -> stop());
        add(title, bar, text, stop);
        setVisible(false);
    }

    /** Shows a run just started from this page and follows it until it ends. */
    void follow(BulkActionService bulk, BulkRun run) {
        unfollow();
        this.service = bulk;
        this.runId = run.id();
        show(run);
        getUI().ifPresent(this::tick);
    }

    private void show(BulkRun run) {
        title.setText(getTranslation("bulk.title." + run.kind().name(), run.actor()));
        bar.setMax(Math.max(1, run.total()));
        bar.setValue(Math.min(run.processed(), Math.max(1, run.total())));
        text.setText(getTranslation("bulk.progress", run.processed(), run.total(), run.succeeded(), run.failed()));
        boolean stopping = run.state() == BulkRun.State.STOPPING;
        stop.setEnabled(!stopping);
        stop.setText(getTranslation(stopping ? "bulk.stopping" : "bulk.stop"));
        setVisible(true);
    }

    private void tick(UI ui) {
        if (ticker != null) {
            return;
        }
        if (!polling) {
            WorkPolling.begin(ui);
            polling = true;
        }
        BulkActionService bulk = service;
        long id = runId;
        try {
            ticker = UiServices.scheduler().scheduleWithFixedDelay(() -> {
                Optional<BulkRun> now;
                try {
                    now = bulk.run(id);
                } catch (RuntimeException e) {
                    LOG.debug("reading run {} failed", id, e);
                    return;
                }
                BatchUi.push(ui, () -> update(now.orElse(null)));
            }, REFRESH_MS / 2, REFRESH_MS, TimeUnit.MILLISECONDS);
        } catch (ServiceUnavailableException | java.util.concurrent.RejectedExecutionException e) {
            ticker = null;
        }
    }

    private void update(BulkRun run) {
        if (run == null || run.id() != runId) {
            unfollow();
            setVisible(false);
            return;
        }
        show(run);
        if (!run.running()) {
            unfollow();
            setVisible(false);
            onEnd.run();
            BatchUi.showSummary(getTranslation("bulk.title." + run.kind().name(), run.actor()), run.succeeded(),
                    run.failed(), run.failures(), note(run));
        }
    }

    private String note(BulkRun run) {
        StringBuilder note = new StringBuilder();
        if (run.state() == BulkRun.State.STOPPED) {
            note.append(getTranslation("bulk.stopped", run.processed(), run.total()));
        } else if (run.state() == BulkRun.State.FAILED && run.error() != null) {
            String why = Reasons.text(getLocale(), run.error());
            note.append(why == null ? getTranslation("batch.unexpected") : why);
        }
        if (run.failed() > run.failures().size()) {
            if (!note.isEmpty()) {
                note.append(' ');
            }
            note.append(getTranslation("bulk.failuresKept", run.failures().size(), run.failed()));
        }
        return note.isEmpty() ? null : note.toString();
    }

    private void stop() {
        if (runId < 0) {
            return;
        }
        try {
            service.stop(runId, actor).ifPresent(this::show);
        } catch (OperationRefusedException e) {
            BatchUi.error(Reasons.of(e));
        }
    }

    private void unfollow() {
        if (ticker != null) {
            ticker.cancel(false);
            ticker = null;
        }
        if (polling) {
            getUI().ifPresent(WorkPolling::end);
            polling = false;
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (runId >= 0) {
            tick(event.getUI());
            return;
        }
        // a run started earlier (from this page or another, by this operator or another) is shown again
        try {
            BulkActionService bulk = UiServices.bulk();
            bulk.latest().stream().filter(BulkRun::running).findFirst().ifPresent(r -> follow(bulk, r));
        } catch (ServiceUnavailableException e) {
            // no core: nothing runs
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (ticker != null) {
            ticker.cancel(false);
            ticker = null;
        }
        if (polling) {
            WorkPolling.end(event.getUI());
            polling = false;
        }
        super.onDetach(event);
    }
}
