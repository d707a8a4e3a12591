package io.waybill.core.internal.shell;

import io.waybill.core.api.ProductService;
import io.waybill.core.internal.catalogue.ProductColumn;
import io.waybill.core.model.Product;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.util.List;
import java.util.Map;

/** {@code waybill:sku-add}: adds one product to the catalogue. */
@Command(scope = "waybill", name = "sku-add", description = "Adds a product: sku-add SKU --name N --weight G [...]")
@Service
public class SkuAddCommand extends SkuFields implements Action {

    @Reference
    ProductService products;

    @Reference
    Session session;

    @Argument(index = 0, name = "sku", required = true, description = "SKU code")
    String sku;

    @Argument(index = 1, name = "options", multiValued = true, description = "The options may also follow the SKU")
    List<String> trailing;

    @Override
    public Object execute() {
        readTrailing(trailing);
        Product p = build(Map.of(ProductColumn.SKU, sku));
        Product saved = products.create(p, ShellUser.name(session));
        System.out.print("Added ");
        print(saved);
        return null;
    }
}
