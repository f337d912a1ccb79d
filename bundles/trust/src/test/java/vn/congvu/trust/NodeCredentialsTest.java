package vn.congvu.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.trust.pki.CertificateAuthority;
import vn.congvu.trust.pki.IssuedCertificate;

/** A node's own key and certificate: read, refused when they do not match, and rotated only as a pair. */
class NodeCredentialsTest {

    @TempDir
    Path folder;
    private CertificateAuthority authority;
    private Path tls;
    private final MovableClock clock = new MovableClock();

    /** A clock a test moves past the credentials' once-a-second look at their files. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void pass(Duration duration) {
            now = now.plus(duration);
        }
    }

    @BeforeEach
    void issue() throws Exception {
        authority = CertificateAuthority.create(folder.resolve("ca"), "test CA", Duration.ofDays(3650));
        tls = folder.resolve("tls");
        authority.issueProvince("04", Duration.ofDays(365), tls);
    }

    private NodeCredentials load() throws GeneralSecurityException {
        return NodeCredentials.load(tls.resolve("node.key.pem"), tls.resolve("node.crt.pem"), clock);
    }

    private static void replace(Path source, Path target) throws Exception {
        Path temporary = target.resolveSibling(target.getFileName() + ".new");
        Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void aKeyOfAnotherCertificate_isRefusedNamingBothFiles() throws Exception {
        Path other = folder.resolve("other");
        authority.issueProvince("04", Duration.ofDays(365), other);
        replace(other.resolve("node.key.pem"), tls.resolve("node.key.pem"));

        GeneralSecurityException refused = assertThrows(GeneralSecurityException.class, this::load);

        assertTrue(refused.getMessage().contains("node.key.pem") && refused.getMessage().contains("does not belong"),
                refused.getMessage());
    }

    @Test
    void halfARotation_keepsTheOldPair_andTheWholeRotationTakesTheNewOne() throws Exception {
        NodeCredentials credentials = load();
        String first = credentials.certificate().getSerialNumber().toString(16);
        String alias = credentials.chooseEngineClientAlias(new String[] {"EC"}, null, null);
        IssuedCertificate next = authority.issueProvince("04", Duration.ofDays(365), folder.resolve("next"));

        replace(folder.resolve("next/node.crt.pem"), tls.resolve("node.crt.pem"));
        clock.pass(Duration.ofSeconds(2));
        long generation = credentials.refresh();
        assertEquals(first, credentials.certificate().getSerialNumber().toString(16), "a new certificate with the old key");
        assertEquals(0, generation);

        replace(folder.resolve("next/node.key.pem"), tls.resolve("node.key.pem"));
        clock.pass(Duration.ofSeconds(2));
        assertEquals(1, credentials.refresh());
        assertEquals(next.serialHex(), credentials.certificate().getSerialNumber().toString(16));

        // a handshake that chose the old pair just before the rotation still gets a key and certificate that match
        assertEquals(first, credentials.getCertificateChain(alias)[0].getSerialNumber().toString(16));
        assertNotEquals(credentials.getPrivateKey(alias), credentials.getPrivateKey(
                credentials.chooseEngineClientAlias(new String[] {"EC"}, null, null)));
        assertNull(credentials.getCertificateChain("no such alias"));
    }

    @Test
    void aNewCertificateOfAnotherProvince_orNotValidNow_neverReplacesTheOneInUse() throws Exception {
        NodeCredentials credentials = load();
        String first = credentials.certificate().getSerialNumber().toString(16);

        authority.issueProvince("79", Duration.ofDays(365), tls);
        clock.pass(Duration.ofSeconds(2));
        assertEquals(0, credentials.refresh());
        assertEquals(first, credentials.certificate().getSerialNumber().toString(16));

        Instant now = clock.instant();
        authority.issueProvince("04", now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(300)), tls);
        clock.pass(Duration.ofSeconds(2));
        assertEquals(0, credentials.refresh());
        assertEquals(first, credentials.certificate().getSerialNumber().toString(16));
    }

    @Test
    void filesAreLookedAtAtMostOnceASecond() throws Exception {
        NodeCredentials credentials = load();
        authority.issueProvince("04", Duration.ofDays(365), tls);

        assertEquals(0, credentials.refresh(), "within the second");
        clock.pass(Duration.ofMillis(1_001));
        assertEquals(1, credentials.refresh());
    }
}
