package io.waybill.platform.csv.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The header row of an order file: which field position holds which {@link Column}, under which name the file
 * calls it, and which columns Waybill ignores.
 */
final class Header {

    /** Alias in normalized form -> column and its preference (lower is preferred). */
    private static final Map<String, Alias> ALIASES = new HashMap<>();

    private record Alias(Column column, int preference) {
    }

    static {
        for (Column column : Column.values()) {
            List<String> aliases = column.aliases();
            for (int i = 0; i < aliases.size(); i++) {
                Alias previous = ALIASES.put(Column.normalize(aliases.get(i)), new Alias(column, i));
                if (previous != null) {
                    throw new IllegalStateException("alias " + aliases.get(i) + " used twice");
                }
            }
        }
    }

    private final int size;
    private final Map<Column, Integer> positions;
    private final List<String> names;
    private final List<String> ignored;
    private final List<Column> inFileOrder;

    private Header(int size, Map<Column, Integer> positions, List<String> names, List<String> ignored) {
        this.size = size;
        this.positions = positions;
        this.names = names;
        this.ignored = ignored;
        this.inFileOrder = positions.keySet().stream().sorted(Comparator.comparing(positions::get)).toList();
    }

    /**
     * Reads a header row.
     *
     * @throws OrderFileException {@code missing_columns} naming every required column that is absent (with the
     *                            names it may have), or {@code duplicate_column} when two fields carry the same name
     */
    static Header of(List<String> fields) {
        List<String> names = new ArrayList<>(fields.size());
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        Map<Column, Integer> preferences = new EnumMap<>(Column.class);
        List<Integer> unknown = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            // as shown in messages: control and bidi characters as codes, never raw
            String name = TextRules.visible(TextRules.strip(fields.get(i).replace("\uFEFF", "")));
            names.add(name);
            Alias alias = ALIASES.get(Column.normalize(name));
            if (alias == null) {
                unknown.add(i);
                continue;
            }
            Integer taken = positions.get(alias.column());
            if (taken == null) {
                positions.put(alias.column(), i);
                preferences.put(alias.column(), alias.preference());
            } else if (preferences.get(alias.column()) == alias.preference()) {
                throw new OrderFileException(OrderFileException.DUPLICATE_COLUMN, String.format(
                        "the header has the column %s twice (fields %d and %d: '%s' and '%s'); keep one",
                        alias.column().canonical(), taken + 1, i + 1, names.get(taken), name),
                        alias.column().canonical(), taken + 1, i + 1, names.get(taken), name);
            } else if (preferences.get(alias.column()) < alias.preference()) {
                ignored.add("'" + name + "' (using '" + names.get(taken) + "' for " + alias.column().canonical()
                        + ")");
            } else {
                ignored.add("'" + names.get(taken) + "' (using '" + name + "' for " + alias.column().canonical()
                        + ")");
                positions.put(alias.column(), i);
                preferences.put(alias.column(), alias.preference());
            }
        }
        List<Column> missing = new ArrayList<>();
        for (Column column : Column.values()) {
            if (column.required() && !positions.containsKey(column)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            String list = missing.stream()
                    .map(c -> c.canonical() + " (or " + otherNames(c) + ")")
                    .collect(Collectors.joining("; "));
            String found = String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
            // SPI platform 1.7: [the fields found, then each missing column and its other names]
            List<Object> params = new ArrayList<>();
            params.add(found);
            for (Column c : missing) {
                params.add(c.canonical());
                params.add(otherNames(c));
            }
            throw new OrderFileException(OrderFileException.MISSING_COLUMNS,
                    "the header row lacks required column" + (missing.size() == 1 ? " " : "s ") + list
                            + ". Found: " + found, params.toArray());
        }
        List<String> ignoredAll = new ArrayList<>();
        for (int i : unknown) {
            ignoredAll.add(names.get(i).isEmpty() ? "(unnamed field " + (i + 1) + ")" : "'" + names.get(i) + "'");
        }
        ignoredAll.addAll(ignored);
        return new Header(fields.size(), positions, List.copyOf(names), List.copyOf(ignoredAll));
    }

    /** The names a column is read under besides its canonical one, as listed to an operator. */
    private static String otherNames(Column c) {
        return String.join(", ", c.aliases().subList(1, c.aliases().size()));
    }

    /** Number of fields every row must have. */
    int size() {
        return size;
    }

    /** The columns the file has, in the order of its fields. */
    List<Column> columnsInFileOrder() {
        return inFileOrder;
    }

    /** Whether the file has this column. */
    boolean has(Column column) {
        return positions.containsKey(column);
    }

    /** Field position (0-based) of the column; only for columns the file {@link #has}. */
    int position(Column column) {
        return positions.get(column);
    }

    /** The column's name as written in the file's header (what an operator sees), or its canonical name. */
    String name(Column column) {
        Integer position = positions.get(column);
        return position == null ? column.canonical() : names.get(position);
    }

    /** The name in the file of the field at {@code position} (0-based). */
    String nameAt(int position) {
        return names.get(position);
    }

    /** Fields Waybill does not read, as they should be listed to an operator. */
    List<String> ignored() {
        return ignored;
    }
}
