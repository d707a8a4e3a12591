package io.waybill.core.internal.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An install made before the operator/supervisor group lines existed gets them, in clear, once, at start. */
class UsersFileTest {

    private static final String OLD_INSTALL = """
            # karaf = karaf,_g_:admingroup

            # Waybill first administrator (password stored as a salted hash)
            admin = {CRYPT}pbkdf2-sha256$310000$c2FsdA$aGFzaA{CRYPT},_g_:waybilladmins
            _g_\\:waybilladmins = group,admin,manager,viewer,systembundles,ssh,operator,supervisor
            ann = {CRYPT}pbkdf2-sha256$310000$c2FsdA$aGFzaA{CRYPT},operator
            """;

    private static Properties parse(Path file) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        return p;
    }

    @Test
    void anOldInstallGetsTheMissingGroupLinesInClearOnceAndKeepsEverythingElse(@TempDir Path dir) throws IOException {
        // given
        Path file = dir.resolve("users.properties");
        Files.writeString(file, OLD_INSTALL, StandardCharsets.UTF_8);
        UsersFile users = new UsersFile(file);

        // when
        List<String> added = users.addMissingGroups();
        List<String> again = users.addMissingGroups();

        // then: both groups added as 'group,<roles>' lines; the second start adds nothing
        assertEquals(UsersFile.OTHER_GROUP_LINES, added);
        assertEquals(List.of(), again);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith(OLD_INSTALL), text);
        Properties p = parse(file);
        assertEquals("group,operator,ssh", p.getProperty("_g_:waybilloperators"));
        assertEquals("group,supervisor,operator,ssh", p.getProperty("_g_:waybillsupervisors"));
        assertEquals(5, p.size(), p::toString);
        assertEquals(Set.of("admin", "manager", "viewer", "systembundles", "ssh", "operator", "supervisor"),
                users.roles("admin"));
    }

    @Test
    void aGroupPresentInAnyFormIsLeftAndAFileWithoutWaybillsAdminGroupIsNotTouched(@TempDir Path dir)
            throws IOException {
        // given: the operators group exists (written by Karaf, marker hashed); a foreign file without Waybill's admins
        Path file = dir.resolve("users.properties");
        Files.writeString(file, OLD_INSTALL + "_g_\\:waybilloperators = {CRYPT}abc{CRYPT},operator,ssh\n",
                StandardCharsets.UTF_8);
        Path foreign = dir.resolve("foreign.properties");
        Files.writeString(foreign, "karaf = karaf,_g_:admingroup\n_g_\\:admingroup = group,admin\n",
                StandardCharsets.UTF_8);

        // when
        List<String> added = new UsersFile(file).addMissingGroups();
        List<String> none = new UsersFile(foreign).addMissingGroups();

        // then
        assertEquals(List.of("_g_\\:waybillsupervisors = group,supervisor,operator,ssh"), added);
        assertEquals("{CRYPT}abc{CRYPT},operator,ssh", parse(file).getProperty("_g_:waybilloperators"));
        assertEquals(List.of(), none);
        assertEquals("karaf = karaf,_g_:admingroup\n_g_\\:admingroup = group,admin\n",
                Files.readString(foreign, StandardCharsets.UTF_8));
        assertEquals(List.of(), new UsersFile(dir.resolve("missing.properties")).addMissingGroups());
    }
}
