package io.waybill.core.internal.files;

import io.waybill.core.api.OperationRefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileAccessTest {

    @TempDir
    Path instance;

    @Test
    void foldersAreRelativeToTheInstanceAndMayBeCommaSeparated() {
        Path base = Path.of("/opt/waybill");
        assertEquals(List.of(Path.of("/opt/waybill/import"), Path.of("/srv/orders"), Path.of("/opt/waybill/x")),
                FileAccess.folders(base, new String[]{"import, /srv/orders", "", "sub/../x"}));
        assertEquals(List.of(), FileAccess.values(new String[]{""}));
        assertEquals(List.of(), FileAccess.values(null));
    }

    @Test
    void theDefaultFoldersAreCreatedInsideTheInstanceAndNoPrinterIsAllowed() {
        // given
        FileAccess access = configured(new String[]{"import"}, new String[]{"print"}, new String[]{});

        // then
        assertTrue(Files.isDirectory(instance.resolve("import")), "import folder created");
        assertTrue(Files.isDirectory(instance.resolve("print")), "print folder created");
        assertEquals(List.of(instance.resolve("import")), access.rules().importFolders());
        assertEquals(List.of(), access.rules().printers());
    }

    @Test
    void readsAndWritesOnlyTheCheckedRealPaths() throws IOException {
        // given
        FileAccess access = configured(new String[]{"import"}, new String[]{"print"}, new String[]{});
        Files.writeString(instance.resolve("import/orders.csv"), "a,b");
        Path victim = Files.writeString(instance.resolve("victim.txt"), "keep");

        // when
        FileAccess.ImportFile read = access.readImportFile("orders.csv");
        Path written = access.writeOutput("day/labels.pdf", new byte[]{1, 2, 3});

        // then
        assertArrayEquals("a,b".getBytes(), read.content());
        assertEquals(instance.resolve("print/day/labels.pdf").toRealPath(), written);
        assertThrows(OperationRefusedException.class, () -> access.writeOutput(victim.toString(), new byte[]{9}));
        assertEquals("keep", Files.readString(victim));
        assertThrows(OperationRefusedException.class, () -> access.readImportFile(victim.toString()));
    }

    @Test
    void aBadPrinterInTheConfigurationIsLeftOutNotFatal() {
        FileAccess access = configured(new String[]{"import"}, new String[]{"print"},
                new String[]{"10.0.0.5, not a printer", "[::1]:6101"});
        assertEquals(List.of("10.0.0.5:9100", "[::1]:6101"), access.rules().printers());
        assertFalse(access.rules().printers().contains("not a printer"));
    }

    private FileAccess configured(String[] in, String[] out, String[] printers) {
        String before = System.getProperty("karaf.base");
        System.setProperty("karaf.base", instance.toString());
        try {
            FileAccess access = new FileAccess();
            access.configure(new FileAccessConfig() {
                @Override
                public Class<? extends Annotation> annotationType() {
                    return FileAccessConfig.class;
                }

                @Override
                public String[] importFolders() {
                    return in;
                }

                @Override
                public String[] outputFolders() {
                    return out;
                }

                @Override
                public String[] printers() {
                    return printers;
                }
            });
            return access;
        } finally {
            if (before == null) {
                System.clearProperty("karaf.base");
            } else {
                System.setProperty("karaf.base", before);
            }
        }
    }
}
