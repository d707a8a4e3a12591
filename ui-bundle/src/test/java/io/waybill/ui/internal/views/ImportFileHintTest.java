package io.waybill.ui.internal.views;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Import orders shows "compare the first row with a template" for the header row's problems only. */
class ImportFileHintTest {

    private static OperationRefusedException unreadable(Reason why) {
        return new OperationRefusedException(Reason.nesting(Reason.UNREADABLE_FILE, why));
    }

    @Test
    void theTemplateHintIsForTheHeaderRow() {
        // given / when / then
        assertTrue(ImportOrdersView.aboutTheHeader(unreadable(Reason.ofFile("missing_columns", List.of("'A'", "city",
                "town")))));
        assertTrue(ImportOrdersView.aboutTheHeader(unreadable(Reason.ofFile("header_empty", List.of()))));
        assertTrue(ImportOrdersView.aboutTheHeader(unreadable(Reason.of(Reason.FILE_PLUGIN, "a plugin's words"))));
        assertFalse(ImportOrdersView.aboutTheHeader(unreadable(Reason.ofFile("bad_encoding", List.of("0xD5", "82",
                "2")))));
        assertFalse(ImportOrdersView.aboutTheHeader(unreadable(Reason.ofFile("file_too_large", List.of("25.0",
                "20")))));
        // a refusal that is not about the file as such (an unknown store, say): the hint as before
        assertTrue(ImportOrdersView.aboutTheHeader(new OperationRefusedException("x", "plain")));
    }
}
