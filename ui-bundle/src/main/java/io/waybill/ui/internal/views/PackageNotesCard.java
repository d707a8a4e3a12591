package io.waybill.ui.internal.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.PackageNotesService;
import io.waybill.core.api.PackageTags;
import io.waybill.core.model.PackageNote;
import io.waybill.ui.internal.UiServices.ServiceUnavailableException;
import io.waybill.ui.internal.i18n.Reasons;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * Tags ({@code detail-tags}, badges with a remove button, an add field) and internal notes ({@code detail-notes},
 * newest first with author and time, an add field) of one package. The core validates and stores both
 * ({@link PackageNotesService}); a refusal is shown beside the field in the user's language and nothing is written.
 */
final class PackageNotesCard extends Div {

    private final PackageNotesService service;
    private final long packageId;
    private final String user;
    private final boolean canNote;
    private final boolean canTag;
    private final Div tags = new Div();
    private final Div notes = new Div();

    PackageNotesCard(PackageNotesService service, long packageId, String user, boolean canNote, boolean canTag) {
        this.service = service;
        this.packageId = packageId;
        this.user = user;
        this.canNote = canNote;
        this.canTag = canTag;
        setId("detail-annotations");
        addClassName("wb-annotations");
        tags.setId("detail-tags");
        tags.addClassName("wb-tags");
        notes.setId("notes-list");
        notes.addClassName("wb-notes");

        Div tagCard = new Div(new H3(getTranslation("pkg.tags")), tags);
        tagCard.addClassName("wb-card");
        if (canTag) {
            TextField input = new TextField();
            input.setId("tag-input");
            input.setPlaceholder(getTranslation("pkg.tags.placeholder"));
            input.setHelperText(getTranslation("pkg.tags.help"));
            input.setWidth("16rem");
            Button add = new Button(getTranslation("pkg.tags.add"), VaadinIcon.TAG.create());
            add.setId("tag-add");
            add.addClickListener(e -> addTags(input));
            input.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> addTags(input));
            Div form = new Div(input, add);
            form.addClassName("wb-inline-form");
            tagCard.add(form);
        }

        Div noteCard = new Div(new H3(getTranslation("pkg.notes")));
        noteCard.addClassName("wb-card");
        noteCard.addClassName("wb-notes-card");
        if (canNote) {
            TextArea text = new TextArea();
            text.setId("note-text");
            text.setPlaceholder(getTranslation("pkg.notes.placeholder"));
            text.setMaxLength(PackageNotesService.MAX_NOTE_LENGTH);
            text.setWidthFull();
            text.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
            text.addValueChangeListener(e -> {
                text.setHelperText(getTranslation("pkg.notes.count", e.getValue().length(),
                        PackageNotesService.MAX_NOTE_LENGTH));
                text.setInvalid(false);
            });
            Button add = new Button(getTranslation("pkg.notes.add"), VaadinIcon.COMMENT.create());
            add.setId("note-add");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add.addClickListener(e -> addNote(text));
            noteCard.add(text, add);
        }
        noteCard.add(notes);
        add(tagCard, noteCard);
        refresh();
    }

    private void refresh() {
        tags.removeAll();
        notes.removeAll();
        List<String> current = service.tags(packageId, user);
        for (String tag : current) {
            Span badge = new Span(new Span(tag));
            badge.addClassName("wb-badge");
            badge.addClassName("wb-tag");
            badge.getElement().setAttribute("data-tag", tag);
            if (canTag) {
                Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> change(List.of(), List.of(tag), null));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                remove.addClassName("wb-tag-remove");
                remove.getElement().setAttribute("aria-label", getTranslation("pkg.tags.remove", tag));
                remove.getElement().setAttribute("title", getTranslation("pkg.tags.remove", tag));
                badge.add(remove);
            }
            tags.add(badge);
        }
        if (current.isEmpty()) {
            Span none = new Span(getTranslation("pkg.tags.none"));
            none.setId("tags-empty");
            none.addClassName("wb-muted");
            tags.add(none);
        }
        List<PackageNote> list = service.notes(packageId, user);
        for (PackageNote n : list) {
            Span who = new Span(n.author());
            who.addClassName("wb-note-author");
            Span when = new Span(Formats.dateTime(n.at(), ZoneId.systemDefault()));
            when.addClassName("wb-note-time");
            Div head = new Div(who, when);
            head.addClassName("wb-note-head");
            Div body = new Div(n.text());
            body.addClassName("wb-note-text");
            Div note = new Div(head, body);
            note.addClassName("wb-note");
            notes.add(note);
        }
        if (list.isEmpty()) {
            Span none = new Span(getTranslation("pkg.notes.none"));
            none.setId("notes-empty");
            none.addClassName("wb-muted");
            notes.add(none);
        }
    }

    private void addTags(TextField input) {
        List<String> typed = Arrays.stream(input.getValue().split("[\\s,，]+")).filter(s -> !s.isBlank()).toList();
        if (typed.isEmpty()) {
            input.setErrorMessage(getTranslation("pkg.error.tag_empty"));
            input.setInvalid(true);
            return;
        }
        if (change(typed, List.of(), input)) {
            input.clear();
            input.setInvalid(false);
        }
    }

    /** One change of tags; a refusal is shown on the field (or as an error). */
    private boolean change(List<String> add, List<String> remove, TextField field) {
        try {
            service.changeTags(packageId, add, remove, user);
            refresh();
            return true;
        } catch (OperationRefusedException e) {
            String message = message(e, add);
            if (field != null) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            } else {
                BatchUi.error(message);
            }
            return false;
        } catch (ServiceUnavailableException e) {
            BatchUi.error(getTranslation("unavailable.service", e.serviceName()));
            return false;
        }
    }

    private void addNote(TextArea text) {
        try {
            service.addNote(packageId, text.getValue(), user);
            text.clear();
            text.setHelperText(null);
            text.setInvalid(false);
            refresh();
        } catch (OperationRefusedException e) {
            text.setErrorMessage(message(e, List.of()));
            text.setInvalid(true);
        } catch (ServiceUnavailableException e) {
            BatchUi.error(getTranslation("unavailable.service", e.serviceName()));
        }
    }

    /** The refusal in the user's language: the known codes of notes and tags have texts of their own. */
    private String message(OperationRefusedException e, List<String> tagsTried) {
        return switch (e.code()) {
            case "note_blank", "note_invalid" -> getTranslation("pkg.error." + e.code());
            case "note_too_long" -> getTranslation("pkg.error.note_too_long", PackageNotesService.MAX_NOTE_LENGTH);
            case "too_many_tags" -> getTranslation("pkg.error.too_many_tags", PackageNotesService.MAX_TAGS);
            case "tag_invalid" -> getTranslation("pkg.error.tag_invalid", invalidTag(tagsTried),
                    PackageNotesService.MAX_TAG_LENGTH);
            default -> Reasons.of(e);
        };
    }

    /** The first typed tag the core would refuse (the message names it). */
    private static String invalidTag(List<String> tried) {
        for (String t : tried) {
            if (!PackageTags.isValid(t)) {
                return t.strip();
            }
        }
        return tried.isEmpty() ? "" : tried.get(0);
    }
}
