package io.waybill.itests;

import io.waybill.itests.WaybillDistribution.Result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the tables Karaf's {@code ShellTable} prints ({@code Header | Header}, a {@code ----+----} line, then rows)
 * into one map per row, keyed by the column headers.
 */
final class ShellTables {

    private ShellTables() {
    }

    static List<Map<String, String>> rows(Result result) {
        List<String> lines = result.output().lines().toList();
        int separator = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).matches("^-+(\\+-+)+\\s*$")) {
                separator = i;
                break;
            }
        }
        if (separator < 0) {
            throw new AssertionError("No table (header line and ----+---- line) in the shell output:\n"
                    + result.output());
        }
        List<String> headers = Arrays.stream(lines.get(separator - 1).split("\\|")).map(String::strip).toList();
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = separator + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.contains("|")) {
                break;
            }
            String[] cells = line.split("\\|", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < headers.size(); c++) {
                row.put(headers.get(c), c < cells.length ? cells[c].strip() : "");
            }
            rows.add(row);
        }
        return rows;
    }

    static Optional<Map<String, String>> row(Result result, String column, String value) {
        return rows(result).stream().filter(r -> value.equals(r.get(column))).findFirst();
    }
}
