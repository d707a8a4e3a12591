package io.waybill.carrier.archfixture.lib;

import org.junit.jupiter.api.Assertions;

/** Test fixture: a plugin class that uses a third-party library (here JUnit's API stands for one). */
public class LibraryUsingGateway {
    public void check(Object value) {
        Assertions.assertNotNull(value);
    }
}
