package vn.congvu.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.health.Problem;

/** Each mistake an operator makes in etc/ comes back as one line naming the file, the key and the value. */
class SettingsCheckTest {

    private static final String UPLINK = """
            <?xml version="1.0" encoding="UTF-8"?>
            <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.2.0">
              <OCD id="vn.congvu.uplink.internal.UplinkSettings" name="congvu uplink">
                <AD id="ministry.host" type="String" description="Host name or address of the ministry node"/>
                <AD id="ministry.port" type="Integer" description="gRPC port of the ministry node"/>
                <AD id="plaintext" type="Boolean" description="Connect without TLS" default="false"/>
                <AD id="retry.max.millis" type="Long" description="Longest wait" default="10000"/>
              </OCD>
              <Designate pid="vn.congvu.uplink"><Object ocdref="vn.congvu.uplink.internal.UplinkSettings"/></Designate>
            </metatype:MetaData>
            """;
    private static final String ENGINE = """
            <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.2.0">
              <OCD id="engine" name="congvu engine"><AD id="province.code" type="String" description="Official code"/></OCD>
              <Designate pid="vn.congvu.engine"><Object ocdref="engine"/></Designate>
            </metatype:MetaData>
            """;
    private static final String OTHERS = """
            <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.2.0">
              <OCD id="s"><AD id="database" type="String" description="Folder"/></OCD>
              <OCD id="m"><AD id="deploy.dir" type="String" description="Folder" default=""/></OCD>
              <Designate pid="vn.congvu.store.province"><Object ocdref="s"/></Designate>
              <Designate pid="vn.congvu.modules"><Object ocdref="m"/></Designate>
            </metatype:MetaData>
            """;

    @TempDir
    Path etc;
    private final Map<String, Map<String, DeclaredSetting>> declared = new HashMap<>();

    @BeforeEach
    void declare() throws IOException {
        for (String xml : List.of(UPLINK, ENGINE, OTHERS)) {
            MetatypeDeclarations.read(new ByteArrayInputStream(xml.strip().getBytes(StandardCharsets.UTF_8)), declared);
        }
        write("vn.congvu.engine.cfg", "province.code = 04\n");
        write("vn.congvu.store.province.cfg", "database = ${congvu.home}/data/province-db\n");
        write("vn.congvu.modules.cfg", "deploy.dir = ${congvu.home}/deploy\n");
        write("vn.congvu.uplink.cfg", "ministry.host = 127.0.0.1\nministry.port = 7443\nplaintext = false\n");
    }

    @Test
    void theTemplate_hasNoProblem() {
        assertEquals(List.of(), problems());
    }

    @Test
    void aMisspeltKey_isNamedWithTheClosestKnownOne() throws IOException {
        write("vn.congvu.engine.cfg", "provice.code = 04\n");

        assertEquals(List.of(
                "etc/vn.congvu.engine.cfg: provice.code is not a setting; did you mean province.code?",
                "etc/vn.congvu.engine.cfg: province.code is missing: Official code"), problems());
    }

    @Test
    void aValueOfTheWrongType_namesFileKeyAndValue() throws IOException {
        write("vn.congvu.uplink.cfg", "ministry.host = 127.0.0.1\nministry.port = abc\nplaintext = yes\nretry.max.millis = 1e3\n");

        assertEquals(List.of(
                "etc/vn.congvu.uplink.cfg: ministry.port = abc is not a whole number (gRPC port of the ministry node)",
                "etc/vn.congvu.uplink.cfg: plaintext = yes is not true or false (Connect without TLS)",
                "etc/vn.congvu.uplink.cfg: retry.max.millis = 1e3 is not a whole number (Longest wait)"), problems());
    }

    @Test
    void aPortBeyondAnInteger_isNotAWholeNumberOfItsType() throws IOException {
        write("vn.congvu.uplink.cfg", "ministry.host = h\nministry.port = 99999999999\n");

        assertTrue(problems().get(0).contains("ministry.port = 99999999999 is not a whole number"), problems().toString());
    }

    @Test
    void aRequiredSettingMissing_orEmpty_isNamed() throws IOException {
        write("vn.congvu.uplink.cfg", "ministry.host =\nministry.port = 7443\n");

        assertEquals(List.of("etc/vn.congvu.uplink.cfg: ministry.host is missing: Host name or address of the ministry node"),
                problems());
    }

    @Test
    void aFileNoPartReads_isNamedWithTheClosestFile() throws IOException {
        Files.move(etc.resolve("vn.congvu.uplink.cfg"), etc.resolve("vn.congvu.uplnk.cfg"));

        assertEquals(List.of(
                "etc/vn.congvu.uplnk.cfg: no part of this node reads this file; did you mean vn.congvu.uplink.cfg?",
                "etc/vn.congvu.uplink.cfg: is missing: it holds where the ministry is and this node's certificate "
                        + "(the distribution's node template has it)"), problems());
    }

    @Test
    void anotherComponentsFile_isLeftToIt() throws IOException {
        write("org.apache.felix.http.cfg", "org.osgi.service.http.port = 8181\n");

        assertEquals(List.of(), problems());
    }

    @Test
    void aHomeThatIsNeitherProvinceNorMinistry_saysSo() throws IOException {
        Files.delete(etc.resolve("vn.congvu.engine.cfg"));

        assertTrue(problems().get(0).startsWith("etc/: this node home has neither vn.congvu.engine.cfg"), problems().toString());
    }

    @Test
    void aFileThatIsNotUtf8_isRefusedInWords() throws IOException {
        Files.write(etc.resolve("vn.congvu.engine.cfg"), "province.code = 04 # Cao B\u1eb1ng\n".getBytes(StandardCharsets.UTF_16LE));

        assertTrue(problems().contains("etc/vn.congvu.engine.cfg: is not UTF-8 text; save it as UTF-8")
                || problems().stream().anyMatch(line -> line.startsWith("etc/vn.congvu.engine.cfg")), problems().toString());
    }

    private List<String> problems() {
        return new SettingsCheck(etc, declared).problems().stream().map(Problem::line).toList();
    }

    private void write(String file, String text) throws IOException {
        Files.writeString(etc.resolve(file), text, StandardCharsets.UTF_8);
    }
}
