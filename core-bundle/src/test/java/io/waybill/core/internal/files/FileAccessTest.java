package io.waybill.core.internal.files;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FileAccessTest {

    @Test
    void foldersAreRelativeToTheInstanceAndMayBeCommaSeparated() {
        Path base = Path.of("/opt/waybill");
        assertEquals(List.of(Path.of("/opt/waybill/import"), Path.of("/srv/orders"), Path.of("/opt/waybill/x")),
                FileAccess.folders(base, new String[]{"import, /srv/orders", "", "sub/../x"}));
        assertEquals(List.of(), FileAccess.values(new String[]{""}));
        assertEquals(List.of(), FileAccess.values(null));
    }
}
