package vn.congvu.uplink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.congvu.api.ModuleProvenance;
import vn.congvu.api.TextRules;
import vn.congvu.api.rule.ModuleDescriptor;
import vn.congvu.engine.InstalledModuleInfo;
import vn.congvu.modules.RuleBundle;

/** Each module's signer is its bundle's, found by bundle id or jar checksum, and always a text the ministry takes. */
class SignersTest {

    static final String CAO_BANG = "CN=Sở Nội vụ tỉnh Cao Bằng, O=UBND tỉnh Cao Bằng, C=VN (sha256 1a2b3c4d5e6f)";

    static InstalledModuleInfo module(String id, long bundleId, String jarSha256) {
        ModuleDescriptor descriptor = new ModuleDescriptor(id, "04", "Kỷ luật hành chính", "Chỉ thị 26/CT-TTg",
                LocalDate.of(2020, 1, 1), null, List.of("discipline"), List.of());
        return new InstalledModuleInfo(descriptor, new ModuleProvenance(id, "1.2.0", jarSha256), "vn.congvu.rules.caobang",
                bundleId, true, Instant.parse("2026-03-01T02:00:00Z"));
    }

    static RuleBundle bundle(long bundleId, String jarSha256, String signer, InstalledModuleInfo... modules) {
        return new RuleBundle("vn.congvu.rules.caobang", "1.2.0", bundleId, "ACTIVE", jarSha256,
                Instant.parse("2026-03-01T02:00:00Z"), signer, List.of(modules));
    }

    @Test
    void of_findsTheBundleById_elseByItsJar_elseSaysNothing() {
        InstalledModuleInfo byId = module("caobang.dossier-timeliness", 41, "ab".repeat(32));
        InstalledModuleInfo byJar = module("caobang.administrative-discipline", 99, "cd".repeat(32));
        InstalledModuleInfo unknown = module("caobang.other", 7, "ef".repeat(32));
        Signers signers = RuleBundleSigners.of(List.of(bundle(41, "ab".repeat(32), CAO_BANG, byId),
                bundle(42, "cd".repeat(32), "unsigned")));

        assertEquals(CAO_BANG, signers.of(byId));
        assertEquals("unsigned", signers.of(byJar));
        assertEquals("", signers.of(unknown));
        assertEquals("", Signers.NONE.of(byId));
    }

    @Test
    void asSent_aSubjectTheMinistryTakesAsItIs_isUnchanged() {
        assertEquals(CAO_BANG, Signers.asSent(CAO_BANG));
        assertEquals("unknown", Signers.asSent("unknown"));
        assertEquals("", Signers.asSent(null));
    }

    @Test
    void asSent_anyOddSubject_becomesATextTheMinistryTakes() {
        String decomposed = Normalizer.normalize(CAO_BANG, Normalizer.Form.NFD);
        List<String> odd = List.of(decomposed, " \u00a0CN=Sở Nội vụ\n\t", "CN=A\u0000B\u200bC\u202eD\u2028E", "CN=\ud800x",
                "CN=" + "ộ".repeat(600), "CN=" + "😀".repeat(600), "CN=" + "a".repeat(496) + " \u0301b", "   ");

        for (String subject : odd) {
            String sent = Signers.asSent(subject);
            assertNull(TextRules.textFault(sent, Signers.MAX, false, false), () -> "sent " + sent);
        }
        assertEquals(CAO_BANG, Signers.asSent(decomposed));
        assertEquals("CN=Sở Nội vụ", Signers.asSent(" \u00a0CN=Sở Nội vụ\n\t"));
        assertEquals("CN=A?B?C?D?E", Signers.asSent("CN=A\u0000B\u200bC\u202eD\u2028E"));
        assertEquals(Signers.MAX, Signers.asSent("CN=" + "😀".repeat(600)).codePointCount(0, Signers.asSent("CN=" + "😀".repeat(600)).length()));
    }
}
