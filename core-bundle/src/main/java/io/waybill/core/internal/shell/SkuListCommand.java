package io.waybill.core.internal.shell;

import io.waybill.core.api.ProductService;
import io.waybill.core.model.Product;
import io.waybill.core.model.ProductPage;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code waybill:sku-list}: the product catalogue, a page at a time. */
@Command(scope = "waybill", name = "sku-list", description = "Lists products (SKU master), by SKU, up to 1,000 a page")
@Service
public class SkuListCommand implements Action {
    static final int PAGE = 1000;

    @Reference
    ProductService products;

    @Argument(name = "filter", description = "SKU prefix, part of a name, or a barcode")
    String filter;

    @Option(name = "--page", description = "Page number (1,000 products a page)")
    int page = 1;

    @Option(name = "-n", description = "Products per page (at most 1,000)")
    int size = PAGE;

    @Override
    public Object execute() {
        int n = Math.max(1, Math.min(size, PAGE));
        int p = Math.max(1, page);
        ProductPage result = products.list(filter, (p - 1) * n, n);
        ShellTable table = new ShellTable();
        table.column("SKU");
        table.column("Name");
        table.column("中文名称");
        table.column("Barcodes");
        table.column("Weight g").alignRight();
        table.column("L×W×H mm");
        table.column("Value");
        table.column("HS code");
        table.column("Origin");
        table.column("DG");
        table.column("Enabled");
        table.column("Components");
        for (Product r : result.products()) {
            table.addRow().addContent(r.sku(), r.name(), s(r.nameZh()), String.join(" ", r.barcodes()),
                    r.weightGrams() == null ? "sum" : r.weightGrams(), r.lengthMm() == null ? "" : r.lengthMm() + "×" + s(r.widthMm()) + "×"
                            + s(r.heightMm()),
                    r.declaredValue() == null ? "" : r.declaredValue().toPlainString() + " " + s(r.currency()),
                    s(r.hsCode()), s(r.originCountry()), dg(r), r.enabled() ? "yes" : "no",
                    io.waybill.core.internal.catalogue.ProductValidator.componentsText(r.components()));
        }
        table.print(System.out);
        int from = (p - 1) * n;
        if (result.total() == 0) {
            System.out.println("No products" + (filter == null ? "" : " match '" + filter + "'") + ".");
        } else {
            int to = Math.min(from + n, result.total());
            System.out.printf("showing %,d-%,d of %,d%s%n", Math.min(from + 1, to), to, result.total(),
                    to < result.total() ? "; next: --page " + (p + 1) : "");
        }
        return null;
    }

    static String dg(Product r) {
        StringBuilder sb = new StringBuilder();
        if (r.battery()) {
            sb.append("battery ");
        }
        if (r.liquid()) {
            sb.append("liquid ");
        }
        if (r.magnet()) {
            sb.append("magnet ");
        }
        if (r.powder()) {
            sb.append("powder ");
        }
        return sb.toString().strip();
    }

    private static String s(Object v) {
        return v == null ? "" : v.toString();
    }
}
