package io.waybill.core.internal.shell;

import io.waybill.core.model.Reason;
import io.waybill.core.internal.files.FileAccess;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.ProductService;
import io.waybill.core.model.CatalogueFormat;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;

import java.nio.file.Path;

/** {@code waybill:sku-export}: writes the catalogue, the stock or an import template as .csv or .xlsx. */
@Command(scope = "waybill", name = "sku-export", description = "Exports the catalogue (or --stock, or --template) "
        + "to a .csv or .xlsx file")
@Service
public class SkuExportCommand implements Action {

    @Reference
    ProductService products;

    @Reference
    FileAccess files;

    @Option(name = "-o", aliases = "--output", required = true, description = "File to write (.csv or .xlsx)")
    @Completion(FileCompleter.class)
    String output;

    @Option(name = "--stock", description = "Stock per warehouse and SKU instead of the catalogue")
    boolean stock;

    @Option(name = "--template", description = "An empty import file with the header and one example row")
    boolean template;

    @Option(name = "--zh", description = "Chinese column headers (中文表头)")
    boolean chinese;

    @Override
    public Object execute() throws Exception {
        // only into an output folder (io.waybill.files), checked before anything is rendered
        Path path = files.checkOutput(output);
        CatalogueFormat format = CatalogueFormat.ofFileName(path.getFileName().toString());
        if (format == null) {
            throw new OperationRefusedException("unknown_format", "The output file must end in .csv or .xlsx: "
                    + path);
        }
        if (stock && template) {
            throw TrailingOptions.invalid(Reason.of(Reason.OPTIONS_EXCLUSIVE, "--stock", "--template"));
        }
        byte[] content = template ? products.template(format, chinese)
                : stock ? products.exportStock(format, chinese) : products.exportCatalogue(format, chinese);
        path = files.writeOutput(output, content);
        System.out.println("Wrote " + path + " (" + content.length + " bytes)");
        return null;
    }
}
