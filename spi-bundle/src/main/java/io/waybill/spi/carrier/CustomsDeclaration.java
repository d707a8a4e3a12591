package io.waybill.spi.carrier;

/**
 * What a parcel declares to customs beyond its lines (the lines are the request's {@link ShipmentRequest.Item items}
 * with their HS codes, values and origins): the nature of the consignment and the shipper's tax registrations.
 * Since 1.2.
 *
 * @param category the nature of the consignment (CN22/CN23 box "category of item"); never null
 * @param taxIds   the shipper's tax registrations; never null (all blank when none)
 */
public record CustomsDeclaration(Category category, TaxIds taxIds) {

    /** The categories of the UPU CN22/CN23 forms. */
    public enum Category {
        GIFT, MERCHANDISE, SAMPLE, DOCUMENTS, RETURNED_GOODS
    }

    /**
     * The shipper's tax registrations as customs know them; each is blank when the shipper has none.
     *
     * @param ioss EU Import One-Stop Shop number (IM + 10 digits): the EU VAT was collected at sale, for
     *             consignments up to EUR 150
     * @param voec Norway's VAT On E-Commerce number
     * @param eori Economic Operators Registration and Identification number (EU / UK)
     * @param vat  the shipper's VAT number
     */
    public record TaxIds(String ioss, String voec, String eori, String vat) {
        /** No registrations. */
        public static final TaxIds NONE = new TaxIds("", "", "", "");

        public TaxIds {
            ioss = clean(ioss);
            voec = clean(voec);
            eori = clean(eori);
            vat = clean(vat);
        }

        private static String clean(String s) {
            return s == null ? "" : s.strip();
        }
    }

    public CustomsDeclaration {
        category = category == null ? Category.MERCHANDISE : category;
        taxIds = taxIds == null ? TaxIds.NONE : taxIds;
    }
}
