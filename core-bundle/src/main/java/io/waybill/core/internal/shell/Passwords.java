package io.waybill.core.internal.shell;

import io.waybill.core.internal.files.FileAccess;
import org.apache.karaf.shell.api.console.Session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * How user commands get passwords without showing them: typed at the console with echo off (asked twice when it is
 * a new one), or read from a file ({@code --password-file}, one password per line), never from an argument that
 * would show in the history or the process list.
 */
final class Passwords {
    private Passwords() {
    }

    /**
     * The first {@code count} lines of a password file, read like an order file: only from an import folder
     * ({@link FileAccess}, configuration {@code io.waybill.files}), its real path checked before it is opened.
     */
    static List<char[]> fromFile(FileAccess files, String file, int count) throws IOException {
        List<String> lines = new String(files.readImportFile(file).content(), StandardCharsets.UTF_8).lines()
                .toList();
        if (lines.size() < count) {
            throw new IllegalArgumentException("The password file needs " + count + " line"
                    + (count == 1 ? "" : "s") + (count == 2 ? " (current password, then the new one)" : ""));
        }
        return lines.subList(0, count).stream().map(String::toCharArray).toList();
    }

    /** Reads a password at the console without echo. */
    static char[] prompt(Session session, String prompt) throws IOException {
        String line = session == null ? null : session.readLine(prompt, '*');
        if (line == null) {
            throw new IllegalArgumentException("No console to read a password from: use --password-file");
        }
        return line.toCharArray();
    }

    /** Reads a new password twice at the console; refuses when the two differ. */
    static char[] promptNew(Session session, String prompt) throws IOException {
        char[] first = prompt(session, prompt);
        char[] again = prompt(session, "Repeat: ");
        try {
            if (!Arrays.equals(first, again)) {
                Arrays.fill(first, '\0');
                throw new IllegalArgumentException("The two passwords differ; nothing was changed");
            }
            return first;
        } finally {
            Arrays.fill(again, '\0');
        }
    }
}
