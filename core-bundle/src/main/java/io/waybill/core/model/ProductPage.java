package io.waybill.core.model;

import java.util.List;

/**
 * One page of the product grid.
 *
 * @param products the products of the page, by SKU
 * @param total    products matching the filter in all pages
 */
public record ProductPage(List<Product> products, int total) {
    public ProductPage {
        products = List.copyOf(products);
    }
}
