package io.waybill.plugin.kit;

/** Small text helpers for messages built from provider answers. */
public final class Texts {

    private Texts() {
    }

    /** White space folded to single spaces, stripped, and cut to {@code max} characters (with an ellipsis). */
    public static String clip(String text, int max) {
        String t = text.replaceAll("\\s+", " ").strip();
        return t.length() <= max ? t : t.substring(0, max) + "…";
    }
}
