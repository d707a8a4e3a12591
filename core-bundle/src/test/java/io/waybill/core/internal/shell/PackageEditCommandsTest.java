package io.waybill.core.internal.shell;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.PackageDeclaration;
import io.waybill.spi.carrier.CustomsDeclaration;
import io.waybill.spi.common.Address;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** waybill:package-address and waybill:package-declaration read their options as the README writes them. */
class PackageEditCommandsTest {

    @Test
    void addressOptionsReplaceTheGivenFields_andAnEmptyValueClearsOne() {
        Address was = new Address("Ann", "ACME", "1 Main St", "Apt 2", "Springfield", "IL", "62704", "US", "+1 555",
                "a@b.c");
        Map<String, List<String>> given = TrailingOptions.parse(List.of("--street", "2 Oak Rd", "--street2=", "--city",
                "Chicago", "--postal", "60601"), PackageAddressCommand.OPTIONS, PackageAddressCommand.USAGE);

        assertEquals(new Address("Ann", "ACME", "2 Oak Rd", "", "Chicago", "IL", "60601", "US", "+1 555", "a@b.c"),
                PackageAddressCommand.apply(was, given));
    }

    @Test
    void declarationOptionsChangeTheNamedLinesAndTheCategory() {
        PackageDeclaration d = new PackageDeclaration(CustomsDeclaration.Category.MERCHANDISE, null, List.of(
                new PackageDeclaration.Line("MUG-1", "Mug", null, null, 1, null, null, null, 350),
                new PackageDeclaration.Line("TEE-2", "T-shirt", null, "610910", 2, BigDecimal.ONE, "USD", "CN", 180)),
                false);
        Map<String, List<String>> given = TrailingOptions.parse(List.of("--category", "gift", "--hs", "mug-1=6912.00",
                "--value=MUG-1=4,50", "--currency", "MUG-1=usd", "--zh", "MUG-1=陶瓷杯", "--qty", "TEE-2=3"),
                PackageDeclarationCommand.OPTIONS, PackageDeclarationCommand.USAGE);

        PackageDeclaration after = PackageDeclarationCommand.apply(d, given);

        assertEquals(CustomsDeclaration.Category.GIFT, after.category());
        assertEquals(new PackageDeclaration.Line("MUG-1", "Mug", "陶瓷杯", "691200", 1, new BigDecimal("4.50"), "USD",
                null, 350), after.lines().get(0));
        assertEquals(3, after.lines().get(1).quantity());
    }

    @Test
    void badDeclarationOptionsAreRefusedTogether() {
        PackageDeclaration d = new PackageDeclaration(null, null, List.of(
                new PackageDeclaration.Line("MUG-1", "Mug", null, null, 1, null, null, null, 350)), false);
        Map<String, List<String>> given = TrailingOptions.parse(List.of("--category", "bribe", "--hs", "NOPE=691200",
                "--qty", "MUG-1=two", "--en", "Mug"), PackageDeclarationCommand.OPTIONS,
                PackageDeclarationCommand.USAGE);

        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> PackageDeclarationCommand.apply(d, given));

        assertEquals("invalid_options", e.code());
        for (String part : List.of("--category 'bribe' is not one of", "no line of SKU NOPE", "MUG-1=two is not a "
                + "number", "--en 'Mug' needs SKU=VALUE", "Nothing was saved")) {
            assertTrue(e.getMessage().contains(part), part + " in " + e.getMessage());
        }
    }
}
