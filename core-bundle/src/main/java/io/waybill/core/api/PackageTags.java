package io.waybill.core.api;

import java.util.regex.Pattern;

/**
 * The one rule of what a package tag may be: 1 to {@value PackageNotesService#MAX_TAG_LENGTH} letters of any script
 * (CJK included), digits, {@code -} or {@code _}, after stripping surrounding spaces. The notes service checks every
 * tag here; the UI uses it only to name which of several typed tags was refused. Since 1.4.
 */
public final class PackageTags {

    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_-]+");

    private PackageTags() {
    }

    /** Whether the tag (stripped) is allowed. */
    public static boolean isValid(String tag) {
        String t = tag == null ? "" : tag.strip();
        return !t.isEmpty() && t.length() <= PackageNotesService.MAX_TAG_LENGTH && TAG.matcher(t).matches();
    }

    /**
     * The tag as stored (stripped).
     *
     * @throws OperationRefusedException {@code tag_invalid}, naming the tag and why
     */
    public static String check(String tag) {
        String t = tag == null ? "" : tag.strip();
        if (t.isEmpty()) {
            throw new OperationRefusedException("tag_invalid", "A tag is empty.");
        }
        if (t.length() > PackageNotesService.MAX_TAG_LENGTH) {
            throw new OperationRefusedException("tag_invalid", "Tag \"" + t + "\" is too long (" + t.length()
                    + " characters, at most " + PackageNotesService.MAX_TAG_LENGTH + ").");
        }
        if (!TAG.matcher(t).matches()) {
            throw new OperationRefusedException("tag_invalid", "Tag \"" + visible(t) + "\" may hold only letters, "
                    + "digits, '-' and '_'.");
        }
        return t;
    }

    /** Control and other format characters shown as {@code <U+202E>}, never raw. */
    private static String visible(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                b.append(String.format(java.util.Locale.ROOT, "<U+%04X>", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
