package io.waybill.core.internal.shell;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.ProductService;
import io.waybill.core.internal.catalogue.ProductValidator;
import io.waybill.core.model.Product;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import java.util.List;

/** {@code waybill:sku-set}: changes the given fields of one product; the others keep their values. */
@Command(scope = "waybill", name = "sku-set", description = "Changes a product's fields: sku-set SKU --weight 380 ...")
@Service
public class SkuSetCommand extends SkuFields implements Action {

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
        Product current = products.find(sku).orElseThrow(() -> new OperationRefusedException("unknown_sku",
                "There is no product with SKU " + sku + "."));
        Product saved = products.update(build(ProductValidator.text(current)), ShellUser.name(session));
        System.out.print("Saved ");
        print(saved);
        return null;
    }
}
