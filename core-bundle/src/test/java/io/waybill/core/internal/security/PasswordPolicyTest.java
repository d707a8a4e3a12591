package io.waybill.core.internal.security;

import io.waybill.core.api.OperationRefusedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "olga | correct-horse     | ",
            "olga | 0123456789        | ",
            "olga | 012345678         | at least 10 characters",
            "olga | ''                | at least 10 characters",
            "olga | olga-packs-fast   | user name",
            "olga | my-OLGA-password  | user name",
            "admin | admin12345678    | user name",
            "olga | ' leading-space'  | start or end with a space",
            "olga | 'trailing-space ' | start or end with a space",
    })
    void acceptsOrNamesTheProblem(String user, String password, String problem) {
        // given a user name and a password // when
        String found = PasswordPolicy.problem(user, password.toCharArray());
        // then
        if (problem == null) {
            assertNull(found);
        } else {
            assertTrue(found != null && found.contains(problem), found);
        }
    }

    @org.junit.jupiter.api.Test
    void refusesControlCharactersAndOverlongPasswords() {
        assertTrue(PasswordPolicy.problem("olga", "abc\u0007defghijk".toCharArray()).contains("control"));
        assertTrue(PasswordPolicy.problem("olga", "x".repeat(201).toCharArray()).contains("at most 200"));
        assertNull(PasswordPolicy.problem("olga", "x".repeat(200).toCharArray()));
    }

    @org.junit.jupiter.api.Test
    void checkThrowsTheReasonWithItsCode() {
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> PasswordPolicy.check("olga", "short".toCharArray()));
        assertEquals(PasswordPolicy.REFUSED, e.code());
        assertEquals("The password needs at least 10 characters", e.getMessage());
    }
}
