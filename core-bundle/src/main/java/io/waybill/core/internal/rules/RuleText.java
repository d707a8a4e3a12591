package io.waybill.core.internal.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The text form of conditions and actions: one per line, a keyword and its values. It is how rules are stored and
 * how an admin types them in the shell, so {@code parse(format(x))} equals {@code x} for every condition and action.
 *
 * <pre>
 * store S1,S2            platform csv,shopify     country DE,FR | country EU     region CA,NY
 * postal 75*,SW1?*       weight 2001..            weight ..500 | weight 100..200
 * value ..150 EUR        sku A-1,B-2              flag battery,liquid            items 3..
 * note yes | note no     shipby 24                (hours)
 *
 * warehouse W2           ship pool-main SEA-DG    (carrier account, service)
 * hold IOSS number missing                         tag DG
 * </pre>
 *
 * A line that cannot be read gives an {@link InvalidRuleException} naming the line ({@code invalid} or the value's
 * own code).
 */
public final class RuleText {

    private RuleText() {
    }

    /** One condition as a line. */
    public static String format(Condition c) {
        if (c instanceof Condition.StoreIn s) {
            return "store " + join(s.stores());
        } else if (c instanceof Condition.PlatformIn p) {
            return "platform " + join(p.platforms());
        } else if (c instanceof Condition.CountryIn k) {
            return "country " + regionName(k.countries());
        } else if (c instanceof Condition.RegionIn r) {
            return "region " + join(r.regions());
        } else if (c instanceof Condition.PostalCodeLike p) {
            return "postal " + String.join(",", p.patterns());
        } else if (c instanceof Condition.WeightBetween w) {
            return "weight " + range(w.minGrams(), w.maxGrams());
        } else if (c instanceof Condition.ValueBetween v) {
            return "value " + (v.min() == null ? "" : v.min().toPlainString()) + ".."
                    + (v.max() == null ? "" : v.max().toPlainString()) + " " + v.currency();
        } else if (c instanceof Condition.ContainsSku s) {
            return "sku " + join(s.skus());
        } else if (c instanceof Condition.HasFlag f) {
            return "flag " + join(f.flags().stream().map(x -> x.name().toLowerCase(Locale.ROOT)).toList());
        } else if (c instanceof Condition.ItemsBetween i) {
            return "items " + range(i.min(), i.max());
        } else if (c instanceof Condition.BuyerNote n) {
            return "note " + (n.present() ? "yes" : "no");
        } else if (c instanceof Condition.ShipByWithin s) {
            return "shipby " + s.hours();
        }
        throw new IllegalArgumentException("unknown condition " + c);
    }

    /** One action as a line. */
    public static String format(Action a) {
        if (a instanceof Action.AssignWarehouse w) {
            return "warehouse " + w.warehouseCode();
        } else if (a instanceof Action.AssignShippingMethod m) {
            return "ship " + m.carrierAccount() + " " + m.service();
        } else if (a instanceof Action.HoldForReview h) {
            return "hold " + h.reason();
        } else if (a instanceof Action.AddTag t) {
            return "tag " + t.tag();
        }
        throw new IllegalArgumentException("unknown action " + a);
    }

    /** Conditions as lines (empty text = no condition). */
    public static String formatConditions(List<Condition> conditions) {
        return String.join("\n", conditions.stream().map(RuleText::format).toList());
    }

    /** Actions as lines. */
    public static String formatActions(List<Action> actions) {
        return String.join("\n", actions.stream().map(RuleText::format).toList());
    }

    /** Conditions from lines (one per line; blank lines are ignored). */
    public static List<Condition> parseConditions(String text) {
        List<Condition> out = new ArrayList<>();
        for (String line : lines(text)) {
            out.add(condition(line));
        }
        return out;
    }

    /** Actions from lines (one per line; blank lines are ignored). */
    public static List<Action> parseActions(String text) {
        List<Action> out = new ArrayList<>();
        for (String line : lines(text)) {
            out.add(action(line));
        }
        return out;
    }

    /** One condition from its line. */
    public static Condition condition(String line) {
        String[] kv = split(line);
        String v = kv[1];
        return switch (kv[0]) {
            case "store" -> new Condition.StoreIn(list(v));
            case "platform" -> new Condition.PlatformIn(list(v));
            case "country" -> Condition.CountryIn.REGIONS.containsKey(v.toUpperCase(Locale.ROOT))
                    ? Condition.CountryIn.region(v) : new Condition.CountryIn(list(v));
            case "region" -> new Condition.RegionIn(list(v));
            case "postal" -> new Condition.PostalCodeLike(List.copyOf(list(v)));
            case "weight" -> {
                Integer[] r = intRange(line, v);
                yield new Condition.WeightBetween(r[0], r[1]);
            }
            case "value" -> {
                int space = v.lastIndexOf(' ');
                if (space < 0) {
                    throw invalid(line, "write 'value MIN..MAX CURRENCY', e.g. 'value ..150 EUR'");
                }
                String[] r = bounds(line, v.substring(0, space).strip());
                yield new Condition.ValueBetween(decimal(line, r[0]), decimal(line, r[1]),
                        v.substring(space + 1));
            }
            case "sku" -> new Condition.ContainsSku(list(v));
            case "flag" -> {
                Set<ProductFlag> flags = EnumSet.noneOf(ProductFlag.class);
                for (String f : list(v)) {
                    try {
                        flags.add(ProductFlag.valueOf(f.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw invalid(line, "flag '" + f + "' is not one of battery, liquid, magnet, powder");
                    }
                }
                yield new Condition.HasFlag(flags);
            }
            case "items" -> {
                Integer[] r = intRange(line, v);
                yield new Condition.ItemsBetween(r[0], r[1]);
            }
            case "note" -> switch (v.toLowerCase(Locale.ROOT)) {
                case "yes" -> new Condition.BuyerNote(true);
                case "no" -> new Condition.BuyerNote(false);
                default -> throw invalid(line, "write 'note yes' or 'note no'");
            };
            case "shipby" -> new Condition.ShipByWithin(integer(line, v));
            default -> throw invalid(line, "'" + kv[0] + "' is not a condition; conditions: store, platform, "
                    + "country, region, postal, weight, value, sku, flag, items, note, shipby");
        };
    }

    /** One action from its line. */
    public static Action action(String line) {
        String[] kv = split(line);
        String v = kv[1];
        return switch (kv[0]) {
            case "warehouse" -> new Action.AssignWarehouse(v);
            case "ship" -> {
                String[] parts = v.split("\\s+");
                if (parts.length != 2) {
                    throw invalid(line, "write 'ship CARRIER-ACCOUNT SERVICE'");
                }
                yield new Action.AssignShippingMethod(parts[0], parts[1]);
            }
            case "hold" -> new Action.HoldForReview(v);
            case "tag" -> new Action.AddTag(v);
            default -> throw invalid(line, "'" + kv[0] + "' is not an action; actions: warehouse, ship, hold, tag");
        };
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String l : text.split("\\R")) {
            if (!l.isBlank()) {
                out.add(l.strip());
            }
        }
        return out;
    }

    private static String[] split(String line) {
        String l = line == null ? "" : line.strip();
        int space = l.indexOf(' ');
        if (space < 0) {
            throw invalid(l, "a keyword and its value are needed");
        }
        return new String[] {l.substring(0, space).toLowerCase(Locale.ROOT), l.substring(space + 1).strip()};
    }

    private static Set<String> list(String v) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String s : v.split(",")) {
            out.add(s.strip());
        }
        return out;
    }

    private static String join(java.util.Collection<String> values) {
        return String.join(",", new TreeSet<>(values));
    }

    private static String regionName(Set<String> countries) {
        for (Map.Entry<String, Set<String>> r : Condition.CountryIn.REGIONS.entrySet()) {
            if (r.getValue().equals(countries)) {
                return r.getKey();
            }
        }
        return join(countries);
    }

    private static String range(Integer min, Integer max) {
        return (min == null ? "" : min.toString()) + ".." + (max == null ? "" : max.toString());
    }

    private static String[] bounds(String line, String v) {
        int dots = v.indexOf("..");
        if (dots < 0) {
            throw invalid(line, "write a range as MIN..MAX, MIN.. or ..MAX");
        }
        return new String[] {v.substring(0, dots).strip(), v.substring(dots + 2).strip()};
    }

    private static Integer[] intRange(String line, String v) {
        String[] b = bounds(line, v);
        return new Integer[] {b[0].isEmpty() ? null : integer(line, b[0]), b[1].isEmpty() ? null : integer(line, b[1])};
    }

    private static int integer(String line, String v) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw invalid(line, "'" + v + "' is not a whole number");
        }
    }

    private static BigDecimal decimal(String line, String v) {
        if (v.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw invalid(line, "'" + v + "' is not a number");
        }
    }

    private static InvalidRuleException invalid(String line, String why) {
        return new InvalidRuleException("invalid", "Cannot read \"" + line + "\": " + why + ".");
    }
}
