package io.waybill.ui.internal.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.waybill.core.api.CarrierUploadService;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.UploadOutcome;
import io.waybill.core.model.UploadState;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.i18n.Reasons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The result of a batch upload ({@code batch-result}), which only queues the packages: it says how many were queued
 * and refused ({@code batch-result-summary}, e.g. "40 queued, 0 refused"), then follows the queued packages as the
 * carriers answer ({@code upload-outcome-text}: "31 tracked, 2 failed, 7 waiting"), listing every refused or failed
 * package with its reason ({@code batch-result-failures}), until every package has an outcome
 * ({@code upload-outcome-state}). The states are read every {@value #REFRESH_MS} ms on the UI scheduler and pushed
 * (with {@link WorkPolling} until every package has an answer, so a lost push cannot leave the dialog behind). A
 * package the carrier accepted without a tracking number yet is an answer; the dialog keeps following it while it
 * (or the notification) is open, for at most {@link #FOLLOW_LIMIT}; the Awaiting tracking tab follows it anyway.
 *
 * <p>Closing the dialog early does not lose the outcome: a persistent notification ({@code upload-outcome-notice})
 * keeps following the upload, ends with the final counts and reopens the dialog ({@code upload-outcome-show}); it
 * stays until the operator dismisses it. The Delivery Management lists follow the packages meanwhile as always.
 */
final class UploadOutcomeDialog {
    private static final Logger LOG = LoggerFactory.getLogger(UploadOutcomeDialog.class);
    static final long REFRESH_MS = 1000;
    /** How long the dialog follows tracking numbers still awaited after every package had an answer. */
    static final java.time.Duration FOLLOW_LIMIT = java.time.Duration.ofMinutes(15);

    private final UI ui;
    private final String title;
    private final UploadOutcome outcome;
    private final CarrierUploadService carriers;
    private final Runnable onChange;
    private UploadOutcome.Counts counts;
    private ScheduledFuture<?> refresh;
    private long started;
    private boolean polling;
    private Dialog dialog;
    private ProgressBar bar;
    private Span text;
    private Span state;
    private Grid<UploadOutcome.Problem> problems;
    private Notification notice;
    private Span noticeText;

    private UploadOutcomeDialog(UI ui, String title, UploadOutcome outcome, CarrierUploadService carriers,
                                Runnable onChange) {
        this.ui = ui;
        this.onChange = onChange;
        this.title = title;
        this.outcome = outcome;
        this.carriers = carriers;
        this.counts = outcome.with(Map.of());
    }

    /**
     * Opens the dialog for an upload's batch result and follows the queued packages (on the UI).
     *
     * @param onChange run on the UI whenever a package got a new state (e.g. to refresh the package list)
     */
    static void open(String title, BatchResult result, Map<Long, String> numbers, CarrierUploadService carriers,
                     Runnable onChange) {
        UploadOutcomeDialog d = new UploadOutcomeDialog(UI.getCurrent(), title, new UploadOutcome(result, numbers),
                carriers, onChange);
        d.openDialog();
        d.follow();
    }

    private void openDialog() {
        dialog = new Dialog();
        dialog.setId("batch-result");
        dialog.setHeaderTitle(title);
        dialog.setWidth("44rem");
        Span summary = new Span(dialog.getTranslation("upload.outcome.summary", counts.queued(), counts.refused()));
        summary.setId("batch-result-summary");
        summary.addClassName(counts.refused() == 0 ? "wb-ok" : "wb-warn");
        bar = new ProgressBar(0, Math.max(1, counts.queued()), 0);
        bar.setId("upload-outcome-progress");
        text = new Span();
        text.setId("upload-outcome-text");
        state = new Span();
        state.setId("upload-outcome-state");
        state.addClassName("wb-muted");
        // nothing queued (all refused): no progress to follow, the refusals below say it all
        bar.setVisible(counts.queued() > 0);
        text.setVisible(counts.queued() > 0);
        Div body = new Div(summary, bar, text, state);
        body.addClassName("wb-progress");
        dialog.add(body);
        problems = new Grid<>();
        problems.setId("batch-result-failures");
        problems.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        problems.addColumn(UploadOutcome.Problem::packageNo).setKey("packageNo")
                .setHeader(dialog.getTranslation("col.packageNo")).setWidth("9rem").setFlexGrow(0);
        problems.addColumn(p -> reason(p)).setKey("reason").setHeader(dialog.getTranslation("col.reason"))
                .setFlexGrow(1).setTooltipGenerator(this::reason);
        dialog.add(problems);
        Button close = new Button(dialog.getTranslation("action.close"), e -> dialog.close());
        close.setId("batch-result-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
        dialog.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                return;
            }
            if (!counts.complete()) {
                showNotice();
            } else if (notice == null || !notice.isOpened()) {
                stop(); // nobody looks at the tracking numbers still awaited: the Awaiting tracking tab has them
            }
        });
        show();
        dialog.open();
    }

    private String reason(UploadOutcome.Problem p) {
        return p.message() == null || p.message().isBlank() ? ui.getTranslation("reason." + p.code())
                : Reasons.failure(ui.getLocale(), new BatchResult.Failure(p.packageId(), p.packageNo(), p.code(),
                        p.message(), p.params())); // a refusal as data reads whole in the user's language
    }

    /** Starts reading the states until every package has an outcome (nothing to follow when none was queued). */
    private void follow() {
        if (counts.settled()) {
            return;
        }
        started = System.nanoTime();
        try {
            refresh = UiServices.scheduler().scheduleWithFixedDelay(this::poll, REFRESH_MS, REFRESH_MS,
                    TimeUnit.MILLISECONDS);
            polling = true;
            WorkPolling.begin(ui);
        } catch (ServiceUnavailableException | RejectedExecutionException e) {
            LOG.info("The upload's outcome cannot be followed: {}", e.toString());
            state.setText(ui.getTranslation("upload.outcome.unfollowed"));
        }
    }

    /** On the scheduler: reads the states off the UI thread, then shows them on the UI. */
    private void poll() {
        Map<Long, UploadState> states;
        try {
            states = carriers.uploadStates(outcome.queuedIds());
        } catch (RuntimeException e) {
            LOG.debug("Reading the upload states failed; trying again", e);
            return;
        }
        UploadOutcome.Counts next = outcome.with(states);
        try {
            ui.access(() -> {
                boolean answered = !counts.complete() && next.complete();
                boolean changed = !next.equals(counts);
                counts = next;
                show();
                if (changed) {
                    try {
                        onChange.run();
                    } catch (RuntimeException e) {
                        LOG.debug("Refreshing after an upload state change failed", e);
                    }
                }
                if (answered && notice != null && !notice.isOpened() && !dialog.isOpened()) {
                    notice.open(); // dismissed while waiting: the outcome is still told once
                }
                if (counts.complete()) {
                    endWorkPolling();
                }
                boolean watched = dialog.isOpened() || (notice != null && notice.isOpened());
                if (counts.settled() || (counts.complete() && (!watched
                        || System.nanoTime() - started > FOLLOW_LIMIT.toNanos()))) {
                    stop();
                }
            });
        } catch (UIDetachedException e) {
            // the page is gone: nobody to tell
            ScheduledFuture<?> r = refresh;
            if (r != null) {
                r.cancel(false);
            }
        }
    }

    /** On the UI: nothing more to follow; stop reading. */
    private void stop() {
        if (refresh != null) {
            refresh.cancel(false);
        }
        endWorkPolling();
    }

    /** On the UI: every package has an answer, so a lost push can no longer leave the operator waiting. */
    private void endWorkPolling() {
        if (polling) {
            polling = false;
            WorkPolling.end(ui);
        }
    }

    /** On the UI: the current counts in the dialog and in the notification. */
    private void show() {
        String line = countsText();
        text.setText(line);
        bar.setValue(counts.queued() - counts.waiting());
        state.setText(ui.getTranslation(!counts.complete() ? "upload.outcome.running"
                : counts.awaiting() > 0 ? "upload.outcome.completeAwaiting" : "upload.outcome.complete"));
        List<UploadOutcome.Problem> list = counts.problems();
        problems.setItems(list);
        problems.setAllRowsVisible(list.size() <= 10);
        problems.setHeight(list.size() <= 10 ? null : "20rem");
        problems.setVisible(!list.isEmpty());
        text.setClassName("wb-warn", counts.failed() > 0);
        if (noticeText != null) {
            noticeText.setText(ui.getTranslation("upload.outcome.notice", line) + (counts.complete() ? ""
                    : " " + ui.getTranslation("upload.outcome.noticeRunning")));
            if (counts.complete() && !counts.problems().isEmpty()) {
                notice.removeThemeVariants(NotificationVariant.LUMO_CONTRAST);
                notice.addThemeVariants(NotificationVariant.LUMO_ERROR);
            } else if (counts.complete()) {
                notice.removeThemeVariants(NotificationVariant.LUMO_CONTRAST);
                notice.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }
        }
    }

    private String countsText() {
        return counts.awaiting() > 0
                ? ui.getTranslation("upload.outcome.progressAwaiting", counts.tracked(), counts.awaiting(),
                counts.failed(), counts.waiting())
                : ui.getTranslation("upload.outcome.progress", counts.tracked(), counts.failed(), counts.waiting());
    }

    /**
     * On the UI, when the dialog was closed before the outcome: a notification that stays (duration 0) and keeps
     * following the upload; "Show details" reopens the dialog, the cross dismisses it.
     */
    private void showNotice() {
        if (notice != null) {
            notice.open();
            return;
        }
        notice = new Notification();
        notice.setId("upload-outcome-notice");
        notice.setDuration(0);
        notice.setPosition(Notification.Position.BOTTOM_END);
        notice.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        noticeText = new Span();
        noticeText.setId("upload-outcome-notice-text");
        Button details = new Button(ui.getTranslation("upload.outcome.show"), e -> {
            notice.close();
            dialog.open();
        });
        details.setId("upload-outcome-show");
        details.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        Button dismiss = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
            notice.close();
            if (counts.complete()) {
                stop();
            }
        });
        dismiss.setId("upload-outcome-dismiss");
        dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        dismiss.setAriaLabel(ui.getTranslation("action.close"));
        HorizontalLayout layout = new HorizontalLayout(noticeText, details, dismiss);
        layout.setAlignItems(HorizontalLayout.Alignment.CENTER);
        notice.add(layout);
        show();
        notice.open();
    }
}
