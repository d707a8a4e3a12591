package io.waybill.core.model;

import java.util.Locale;

/** File formats of catalogue import and export. */
public enum CatalogueFormat {
    CSV("csv", "text/csv"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String extension;
    private final String mimeType;

    CatalogueFormat(String extension, String mimeType) {
        this.extension = extension;
        this.mimeType = mimeType;
    }

    /** File name extension without the dot. */
    public String extension() {
        return extension;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The format a file name's extension names, null when it names neither. */
    public static CatalogueFormat ofFileName(String fileName) {
        String n = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        for (CatalogueFormat f : values()) {
            if (n.endsWith("." + f.extension)) {
                return f;
            }
        }
        return null;
    }
}
