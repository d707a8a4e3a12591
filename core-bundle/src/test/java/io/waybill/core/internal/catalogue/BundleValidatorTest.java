package io.waybill.core.internal.catalogue;

import io.waybill.core.model.Product;
import io.waybill.core.model.ProductComponent;
import io.waybill.core.model.RowError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundle (kit) rules of {@link ProductValidator} and the catalogue import. */
class BundleValidatorTest {

    private static Product bundle(String sku, ProductComponent... parts) {
        return new Product(sku, "Kit " + sku, null, List.of(), null, null, null, null, null, null, null, null, null,
                null, false, false, false, false, true, List.of(parts));
    }

    private static ProductComponent part(String sku, int qty) {
        return new ProductComponent(sku, qty);
    }

    /** A catalogue of plain A, B, C and the bundles given. */
    private static Function<String, List<ProductComponent>> catalogue(Map<String, List<ProductComponent>> bundles) {
        return sku -> bundles.containsKey(sku) ? bundles.get(sku) : Set.of("A", "B", "C").contains(sku) ? List.of()
                : null;
    }

    private static final Function<String, String> NO_STOCK = sku -> null;

    @Test
    void readsComponentsFromTextAndWritesThemBack() {
        List<ProductValidator.Problem> problems = new ArrayList<>();
        List<ProductComponent> parts = ProductValidator.components(" SKU-A*2 ; SKU-B；MUG x 3\nPEN×4 ", problems);
        assertEquals(List.of(part("SKU-A", 2), part("SKU-B", 1), part("MUG", 3), part("PEN", 4)), parts);
        assertTrue(problems.isEmpty());
        assertEquals("SKU-A*2;SKU-B*1;MUG*3;PEN*4", ProductValidator.componentsText(parts));
    }

    @Test
    void anUnreadableQuantityIsAProblemOfTheComponentsColumn() {
        Map<ProductColumn, String> text = new EnumMap<>(ProductColumn.class);
        text.put(ProductColumn.SKU, "KIT");
        text.put(ProductColumn.NAME, "Kit");
        text.put(ProductColumn.COMPONENTS, "A*two;B*1");
        ProductValidator.Parsed parsed = ProductValidator.parse(text);
        assertEquals(1, parsed.problems().size(), parsed.problems().toString());
        assertEquals("components", parsed.problems().get(0).field());
        assertEquals("'A*two': the quantity 'two' is not a whole number (write SKU*2, parts separated by ;)",
                parsed.problems().get(0).reason());
    }

    @Test
    void aBundleMayLeaveItsWeightEmptyAPlainProductMayNot() {
        assertTrue(ProductValidator.validate(bundle("KIT", part("A", 2))).isEmpty());
        Product plain = bundle("P");
        assertEquals("weight_g", ProductValidator.validate(plain).get(0).field());
    }

    @Test
    void refusesZeroAndNegativeQuantitiesDuplicatesAndTheBundleItself() {
        List<ProductValidator.Problem> p = ProductValidator.validate(bundle("KIT", part("A", 0), part("B", -1),
                part("C", 1), part("C", 2), part("KIT", 1)));
        List<String> reasons = p.stream().map(ProductValidator.Problem::reason).toList();
        assertTrue(p.stream().allMatch(x -> x.field().equals("components")), p.toString());
        assertTrue(reasons.contains("'A' has quantity 0: each component needs 1 or more units"), reasons.toString());
        assertTrue(reasons.contains("'B' has quantity -1: each component needs 1 or more units"), reasons.toString());
        assertTrue(reasons.contains("'C' is listed twice: give it once with the total quantity"), reasons.toString());
        assertTrue(reasons.contains("'KIT' is the bundle itself: a bundle cannot contain itself"), reasons.toString());
    }

    @Test
    void refusesAnUnknownComponent() {
        List<ProductValidator.Problem> p = ProductValidator.bundleProblems(bundle("KIT", part("A", 1),
                part("NOPE", 2)), catalogue(Map.of()), NO_STOCK);
        assertEquals(List.of("components: 'NOPE' is not in the catalogue: add the component product first (or in the "
                + "same file)"), p.stream().map(ProductValidator.Problem::toString).toList());
        assertEquals(io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.PRODUCT_COMPONENT_UNKNOWN, "NOPE"),
                p.get(0).structured());
    }

    @Test
    void refusesABundleContainingItselfThroughOtherBundles() {
        // given OUTER > MID > INNER, and INNER is about to contain OUTER
        Map<String, List<ProductComponent>> stored = Map.of(
                "OUTER", List.of(part("MID", 1), part("A", 1)),
                "MID", List.of(part("B", 2), part("INNER", 1)),
                "INNER", List.of(part("C", 1)));
        List<ProductValidator.Problem> p = ProductValidator.bundleProblems(bundle("INNER", part("C", 1),
                part("OUTER", 1)), catalogue(stored), NO_STOCK);
        assertEquals(1, p.size(), p.toString());
        assertEquals("'INNER' would contain itself through another bundle: INNER > OUTER > MID > INNER",
                p.get(0).reason());
        // while nesting without a cycle is fine
        assertTrue(ProductValidator.bundleProblems(bundle("TOP", part("OUTER", 2), part("MID", 1)),
                catalogue(stored), NO_STOCK).isEmpty());
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        Map<String, List<ProductComponent>> stored = new java.util.HashMap<>();
        stored.put("L1", List.of(part("A", 1)));
        for (int i = 2; i <= ProductValidator.MAX_NESTING + 1; i++) {
            stored.put("L" + i, List.of(part("L" + (i - 1), 1)));
        }
        List<ProductValidator.Problem> p = ProductValidator.bundleProblems(
                bundle("TOP", part("L" + (ProductValidator.MAX_NESTING + 1), 1)), catalogue(stored), NO_STOCK);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).reason().startsWith("bundles nest more than 5 levels deep"), p.get(0).reason());
    }

    @Test
    void aSkuThatHoldsStockCannotBecomeABundle() {
        List<ProductValidator.Problem> p = ProductValidator.bundleProblems(bundle("A", part("B", 1)),
                catalogue(Map.of()), sku -> sku.equals("A") ? io.waybill.core.model.Reason.encode(java.util.List.of(
                        io.waybill.core.model.Reason.of(io.waybill.core.model.Reason.PRODUCT_STOCK_HELD, 10, 2, "W1")))
                        : null);
        assertEquals(1, p.size());
        assertEquals("'A' holds stock (10 on hand, 2 reserved in W1): a bundle has no stock of its own, its "
                + "components are reserved. Book the stock out or use a new SKU for the bundle", p.get(0).reason());
        // a plain product with stock is no bundle: no problem
        assertTrue(ProductValidator.bundleProblems(bundle("A"), catalogue(Map.of()), sku -> "10 on hand").isEmpty());
    }

    @Test
    void aFileMayDefineComponentsAfterTheirBundleButNotACycleAcrossRows() {
        List<List<String>> rows = List.of(
                List.of("sku", "name", "weight_g", "components"),
                List.of("KIT-1", "Kit one", "", "NEW-1*2;A*1"),
                List.of("NEW-1", "New one", "50", ""),
                List.of("LOOP-1", "Loop one", "", "LOOP-2*1"),
                List.of("LOOP-2", "Loop two", "", "LOOP-1*1"));
        CatalogueImport.Checked checked = CatalogueImport.check(rows,
                new CatalogueImport.Stored(Set.of("A"), Map.of()), false);
        List<RowError> errors = checked.errors();
        assertEquals(2, errors.size(), errors.toString());
        assertEquals(3, errors.get(0).row());
        assertEquals("'LOOP-1' would contain itself through another bundle: LOOP-1 > LOOP-2 > LOOP-1",
                errors.get(0).reason());
        assertEquals(4, errors.get(1).row());
        assertNull(checked.products().get(0).weightGrams());
        assertEquals(List.of(part("NEW-1", 2), part("A", 1)), checked.products().get(0).components());
    }

    @Test
    void theImportRefusesMakingAStockedSkuABundleAndAnUnknownComponent() {
        List<List<String>> rows = List.of(
                List.of("商品编码", "英文名称", "重量(克)", "套装组件"),
                List.of("A", "Sku A", "100", "B*1"),
                List.of("KIT", "Kit", "300", "ZZZ*1"));
        CatalogueImport.Checked checked = CatalogueImport.check(rows, new CatalogueImport.Stored(Set.of("A", "B"),
                Map.of(), Map.of(), Map.of("A", io.waybill.core.model.Reason.encode(java.util.List.of(io.waybill.core.model.Reason.of(
                        io.waybill.core.model.Reason.PRODUCT_STOCK_HELD, 5, 0, "W1"))))), true);
        assertEquals(2, checked.errors().size(), checked.errors().toString());
        assertTrue(checked.errors().get(0).reason().startsWith("'A' holds stock (5 on hand, 0 reserved in W1)"));
        assertEquals("'ZZZ' is not in the catalogue: add the component product first (or in the same file)",
                checked.errors().get(1).reason());
    }
}
