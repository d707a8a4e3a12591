package io.waybill.core.model;

import java.util.Locale;

/** What kind of warehouse it is: run by the seller, an overseas warehouse, or a third-party logistics provider. */
public enum WarehouseKind {
    OWN,
    OVERSEAS,
    THIRD_PARTY;

    /** Parses {@code own}, {@code overseas}, {@code 3pl}/{@code third_party} (any case); null when not one of them. */
    public static WarehouseKind parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return switch (t) {
            case "OWN" -> OWN;
            case "OVERSEAS" -> OVERSEAS;
            case "3PL", "THIRD_PARTY", "THIRDPARTY" -> THIRD_PARTY;
            default -> null;
        };
    }

    /** The short shell spelling: own, overseas, 3pl. */
    public String shellName() {
        return this == THIRD_PARTY ? "3pl" : name().toLowerCase(Locale.ROOT);
    }
}
