package io.waybill.security.internal;

import org.apache.karaf.jaas.modules.Encryption;
import org.apache.karaf.jaas.modules.EncryptionService;

import java.util.Map;

/**
 * Karaf JAAS encryption service {@code name=waybill} ({@code encryption.name = waybill} in
 * {@code etc/org.apache.karaf.jaas.cfg}): salted PBKDF2 through {@link PasswordHashes}. Option
 * {@code encryption.iterations} sets the cost of new hashes.
 */
public final class WaybillEncryptionService implements EncryptionService {
    public static final String NAME = "waybill";

    @Override
    public Encryption createEncryption(Map<String, String> params) {
        int iterations = PasswordHashes.iterations(params == null ? null : params.get("iterations"));
        return new Encryption() {
            @Override
            public String encryptPassword(String plain) {
                return PasswordHashes.hash(plain, iterations);
            }

            @Override
            public boolean checkPassword(String input, String password) {
                return PasswordHashes.verify(input, password);
            }
        };
    }
}
