package io.waybill.ui.internal.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.PackageRow;
import io.waybill.ui.internal.i18n.Reasons;
import io.waybill.ui.internal.UiServices;
import io.waybill.ui.internal.batch.BatchRunner;
import io.waybill.ui.internal.batch.Chunks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The dialogs every batch action goes through: confirm, progress (the work runs on a background worker in chunks,
 * the bar is updated by push), result summary with the failures. Also background work with a plain "working"
 * indicator (file checks, PDFs).
 */
final class BatchUi {

    private static final Logger LOG = LoggerFactory.getLogger(BatchUi.class);

    private BatchUi() {
    }

    /** Asks before doing anything ({@code confirm-dialog}, {@code confirm-text}, {@code confirm-button}). */
    static Dialog confirm(String title, String question, String confirmLabel, Runnable onConfirm,
                          Component... extra) {
        Dialog dialog = new Dialog();
        dialog.setId("confirm-dialog");
        dialog.setHeaderTitle(title);
        Paragraph text = new Paragraph(question);
        text.setId("confirm-text");
        dialog.add(text);
        dialog.add(extra);
        Button cancel = new Button(dialog.getTranslation("action.cancel"), e -> dialog.close());
        cancel.setId("confirm-cancel");
        Button ok = new Button(confirmLabel, e -> {
            dialog.close();
            onConfirm.run();
        });
        ok.setId("confirm-button");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.setDisableOnClick(true);
        dialog.getFooter().add(cancel, ok);
        dialog.open();
        ok.focus();
        return dialog;
    }

    /**
     * Runs a batch on a worker in chunks of {@link Chunks#DEFAULT_SIZE}, with a progress bar
     * ({@code batch-progress}) while it runs and the result dialog ({@code batch-result}) at the end.
     *
     * @param action the core call for one chunk; runs off the UI thread, so it must not use {@link UiServices}
     * @param done   run on the UI (under its lock) before the result dialog opens, e.g. to refresh lists
     */
    static void run(String title, Collection<PackageRow> rows, Function<List<Long>, BatchResult> action,
                    Consumer<BatchResult> done) {
        run(title, rows, action, done, null);
    }

    /**
     * As {@link #run(String, Collection, Function, Consumer)}, counting a part of the same batch that was already
     * done ({@code before}, may be null) in the result.
     */
    static void run(String title, Collection<PackageRow> rows, Function<List<Long>, BatchResult> action,
                    Consumer<BatchResult> done, BatchResult before) {
        Map<Long, String> numbers = new LinkedHashMap<>();
        rows.forEach(r -> numbers.put(r.id(), r.packageNo()));
        run(title, numbers.size(), () -> numbers, action, done, before);
    }

    /**
     * {@link #run(String, Collection, Function, Consumer)} for packages known by a count until the batch starts: the
     * worker first asks {@code ids} (e.g. the core resolving a "select all" filter; package id -> package no.), then
     * runs the chunks. A refusal of that step (too many packages) is shown with its reason and nothing runs.
     *
     * @param expected how many packages the operator confirmed (the progress bar's size until they are resolved)
     */
    static void run(String title, long expected, Callable<Map<Long, String>> ids,
                    Function<List<Long>, BatchResult> action, Consumer<BatchResult> done) {
        run(title, expected, ids, action, done, null);
    }

    /** As {@link #run(String, long, Callable, Function, Consumer)}, counting {@code before} (may be null) in. */
    static void run(String title, long expected, Callable<Map<Long, String>> ids,
                    Function<List<Long>, BatchResult> action, Consumer<BatchResult> done, BatchResult before) {
        run(title, expected, ids, action, done, before, (t, result, numbers) -> showResult(t, result));
    }

    /** Shows the result of a batch (on the UI, after {@code done}); the default is {@link #showResult}. */
    @FunctionalInterface
    interface ResultView {
        /**
         * @param numbers package id -> package no. of every package of the batch
         */
        void show(String title, BatchResult result, Map<Long, String> numbers);
    }

    /**
     * As {@link #run(String, long, Callable, Function, Consumer, BatchResult)}, with the result shown by
     * {@code view} instead of the summary dialog (e.g. the upload's dialog that follows the queued packages).
     */
    static void run(String title, long expected, Callable<Map<Long, String>> ids,
                    Function<List<Long>, BatchResult> action, Consumer<BatchResult> done, BatchResult before,
                    ResultView view) {
        UI ui = UI.getCurrent();
        ExecutorService workers = UiServices.workers();
        String unexpected = ui.getTranslation("batch.unexpected");

        Dialog progress = new Dialog();
        progress.setId("batch-progress-dialog");
        progress.setHeaderTitle(title);
        progress.setCloseOnEsc(false);
        progress.setCloseOnOutsideClick(false);
        int total = (int) Math.min(Integer.MAX_VALUE, Math.max(1, expected));
        ProgressBar bar = new ProgressBar(0, total, 0);
        bar.setId("batch-progress");
        Span text = new Span(ui.getTranslation("batch.progress", 0, expected));
        text.setId("batch-progress-text");
        text.addClassName("wb-muted");
        Div body = new Div(bar, text);
        body.addClassName("wb-progress");
        progress.add(body);
        progress.open();
        WorkPolling.begin(ui);

        workers.execute(() -> {
            Map<Long, String> numbers;
            try {
                numbers = ids.call();
            } catch (OperationRefusedException e) {
                finish(ui, () -> {
                    progress.close();
                    error(Reasons.refusal(ui.getLocale(), e));
                });
                return;
            } catch (Exception e) {
                LOG.warn("{}: reading the selected packages failed", title, e);
                finish(ui, () -> {
                    progress.close();
                    error(unexpected);
                });
                return;
            }
            List<Long> list = List.copyOf(numbers.keySet());
            push(ui, () -> bar.setMax(Math.max(1, list.size())));
            BatchResult ran = BatchRunner.run(list, Chunks.DEFAULT_SIZE, action, numbers, unexpected,
                    (n, all) -> push(ui, () -> {
                        bar.setValue(n);
                        text.setText(ui.getTranslation("batch.progress", n, all));
                    }));
            BatchResult result = before == null ? ran : merge(before, ran);
            finish(ui, () -> {
                progress.close();
                done.accept(result);
                view.show(title, result, numbers);
            });
        });
    }

    static BatchResult merge(BatchResult a, BatchResult b) {
        List<Long> done = new ArrayList<>(a.succeeded());
        done.addAll(b.succeeded());
        List<BatchResult.Failure> failures = new ArrayList<>(a.failures());
        failures.addAll(b.failures());
        return new BatchResult(a.requested() + b.requested(), done, failures);
    }

    /** {@code batch-result}: "n done, m failed" and a grid of the failures (package no., reason). */
    static void showResult(String title, BatchResult result) {
        showSummary(title, result.succeeded().size(), result.failures().size(), result.failures(), null);
    }

    /**
     * {@code batch-result} from counts: "n done, m failed", an optional note ({@code batch-result-note}, e.g. that
     * only the first failures are listed, or that the run was stopped) and a grid of the given failures.
     */
    static void showSummary(String title, long done, long failed, List<BatchResult.Failure> failureList,
                            String note) {
        Dialog dialog = new Dialog();
        dialog.setId("batch-result");
        dialog.setHeaderTitle(title);
        dialog.setWidth("40rem");
        Span summary = new Span(dialog.getTranslation("batch.summary", done, failed));
        summary.setId("batch-result-summary");
        summary.addClassName(failed == 0 ? "wb-ok" : "wb-warn");
        dialog.add(summary);
        if (note != null) {
            Paragraph noteText = new Paragraph(note);
            noteText.setId("batch-result-note");
            noteText.addClassName("wb-muted");
            dialog.add(noteText);
        }
        BatchResult result = new BatchResult(failureList.size(), List.of(), failureList);
        Grid<BatchResult.Failure> failures = new Grid<>();
        failures.setId("batch-result-failures");
        // reasons wrap (long tokens too): an operator reads the whole reason, not the start of it
        failures.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        failures.addColumn(BatchResult.Failure::packageNo).setKey("packageNo")
                .setHeader(dialog.getTranslation("col.packageNo")).setWidth("9rem").setFlexGrow(0);
        failures.addColumn(f -> Reasons.of(f)).setKey("reason")
                .setHeader(dialog.getTranslation("col.reason")).setFlexGrow(1)
                .setTooltipGenerator(f -> Reasons.of(f));
        failures.setItems(result.failures());
        failures.setAllRowsVisible(result.failures().size() <= 10);
        failures.setHeight(result.failures().size() <= 10 ? null : "20rem");
        failures.setVisible(!result.failures().isEmpty());
        dialog.add(failures);
        Button close = new Button(dialog.getTranslation("action.close"), e -> dialog.close());
        close.setId("batch-result-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(close);
        dialog.open();
    }

    /**
     * Runs one piece of work (a file check, a PDF) on a worker with an indeterminate progress bar, then hands the
     * value to {@code onSuccess} on the UI. A refusal is shown with its message; anything else as a generic error.
     */
    static <T> void work(String title, Callable<T> task, Consumer<T> onSuccess) {
        work(title, task, onSuccess, e -> error(Reasons.of(e)));
    }

    /**
     * {@link #work(String, Callable, Consumer)} whose refusal goes to {@code onRefused} (on the UI), e.g. to keep
     * the reason on the page instead of a notification that fades.
     */
    static <T> void work(String title, Callable<T> task, Consumer<T> onSuccess,
                         Consumer<OperationRefusedException> onRefused) {
        UI ui = UI.getCurrent();
        ExecutorService workers = UiServices.workers();
        Dialog progress = new Dialog();
        progress.setId("work-progress-dialog");
        progress.setHeaderTitle(title);
        progress.setCloseOnEsc(false);
        progress.setCloseOnOutsideClick(false);
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        bar.setId("work-progress");
        progress.add(bar);
        progress.setWidth("24rem");
        progress.open();
        WorkPolling.begin(ui);
        workers.execute(() -> {
            T value;
            try {
                value = task.call();
            } catch (OperationRefusedException e) {
                finish(ui, () -> {
                    progress.close();
                    onRefused.accept(e);
                });
                return;
            } catch (Exception e) {
                LOG.warn("{} failed", title, e);
                finish(ui, () -> {
                    progress.close();
                    error(ui.getTranslation("batch.unexpected"));
                });
                return;
            }
            finish(ui, () -> {
                progress.close();
                onSuccess.accept(value);
            });
        });
    }

    /** A readable error for the operator ({@code action-error}), shown until closed or for 10 s. */
    static void error(String message) {
        Notification notification = new Notification(message, 10_000, Notification.Position.TOP_CENTER);
        notification.setId("action-error");
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.open();
    }

    /** A short confirmation ({@code action-info}). */
    static void info(String message) {
        Notification notification = new Notification(message, 4_000, Notification.Position.BOTTOM_START);
        notification.setId("action-info");
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        notification.open();
    }

    /** The last change of a piece of work on the UI: it also ends the work's {@link WorkPolling}. */
    private static void finish(UI ui, Runnable change) {
        push(ui, () -> {
            WorkPolling.end(ui);
            change.run();
        });
    }

    /** Runs a change on the UI from a background thread; nothing happens when the page was closed meanwhile. */
    static void push(UI ui, Runnable change) {
        try {
            ui.access(change::run);
        } catch (UIDetachedException e) {
            // the page is gone: nothing to update
        }
    }
}
