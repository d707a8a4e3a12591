package io.waybill.print.internal;

import java.util.Locale;
import java.util.Map;

/** Headings of the picking list in English or Simplified Chinese. */
final class Messages {

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("title", "Picking list"),
            Map.entry("summary", "%d packages · %d SKUs · %d units"),
            Map.entry("bin", "Bin"),
            Map.entry("sku", "SKU"),
            Map.entry("name", "Name"),
            Map.entry("qty", "Qty"),
            Map.entry("packages", "Packages"),
            Map.entry("noBin", "(no bin)"),
            Map.entry("warehouse", "Warehouse"),
            Map.entry("skuTotals", "Totals per SKU"),
            Map.entry("total", "Total"),
            Map.entry("packageList", "Packages in picking order"),
            Map.entry("order", "Order"),
            Map.entry("page", "Page %d"));

    private static final Map<String, String> ZH = Map.ofEntries(
            Map.entry("title", "拣货单"),
            Map.entry("summary", "%d 个包裹 · %d 个 SKU · %d 件"),
            Map.entry("bin", "库位"),
            Map.entry("sku", "SKU"),
            Map.entry("name", "品名"),
            Map.entry("qty", "数量"),
            Map.entry("packages", "包裹"),
            Map.entry("noBin", "（无库位）"),
            Map.entry("warehouse", "仓库"),
            Map.entry("skuTotals", "SKU 合计"),
            Map.entry("total", "总计"),
            Map.entry("packageList", "按拣货顺序的包裹"),
            Map.entry("order", "订单"),
            Map.entry("page", "第 %d 页"));

    private final Map<String, String> texts;

    private Messages(Map<String, String> texts) {
        this.texts = texts;
    }

    static Messages of(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? new Messages(ZH) : new Messages(EN);
    }

    String get(String key, Object... args) {
        String text = texts.get(key);
        return args.length == 0 ? text : String.format(Locale.ROOT, text, args);
    }
}
