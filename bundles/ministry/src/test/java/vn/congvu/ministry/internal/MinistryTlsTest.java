package vn.congvu.ministry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.congvu.federation.v1.SubmitReportResponse;
import vn.congvu.trust.NodeIdentity;
import vn.congvu.trust.Pem;
import vn.congvu.trust.pki.CertificateAuthority;

/**
 * The ministry over real loopback mutual TLS, with certificates from a real CA made for the test: every bad
 * certificate is refused before any service sees it, a province files only for itself, and a revocation takes
 * effect while the ministry runs. Clients are stock grpc-java clients (their own TLS, PEM files).
 */
class MinistryTlsTest {

    private static final Duration YEAR = TlsFederation.YEAR;
    /** The codes a refused handshake or a refused certificate may reach a client with. */
    private static final Set<Status.Code> NOT_THROUGH = Set.of(Status.Code.UNAVAILABLE, Status.Code.UNAUTHENTICATED);

    @TempDir
    static Path folder;
    private static TlsFederation federation;
    private static CertificateAuthority authority;
    private static Path ministryTls;
    private static LoopbackMinistry ministry;

    @BeforeAll
    static void start() throws Exception {
        federation = new TlsFederation(folder);
        authority = federation.authority();
        ministryTls = federation.ministryTls();
        ministry = federation.ministry();
    }

    @AfterAll
    static void stop() throws Exception {
        if (federation != null) {
            federation.close();
        }
    }

    private static ManagedChannel client(Path tls) throws Exception {
        return federation.client(tls);
    }

    private static Path province(String code, String name) throws Exception {
        return federation.province(code, name);
    }

    @Test
    void aProvince_filesItsOwnReport_andTheMinistryRecordsItsCertificate() throws Exception {
        Path tls = province("42", "hatinh");
        ManagedChannel channel = client(tls);
        try {
            SubmitReportResponse answer = TlsFederation.file(channel, "42", 2021, 1);
            assertFalse(answer.getReceipt().getReceiptId().isEmpty());
            TlsFederation.sendInventory(channel, "42");
        } finally {
            channel.shutdownNow();
        }
        String serial = Pem.readCertificates(tls.resolve("node.crt.pem")).get(0).getSerialNumber().toString(16);
        assertTrue(ministry.store().certificates().stream().anyMatch(seen -> seen.provinceCode().equals("42")
                && seen.serialHex().equals(serial)), ministry.store().certificates().toString());
    }

    @Test
    void everyBadCertificate_isRefusedBeforeAnyService_andNothingIsStored() throws Exception {
        Instant now = Instant.now();
        CertificateAuthority other = CertificateAuthority.create(folder.resolve("other-ca"), "not the ministry", YEAR.multipliedBy(10));
        Map<String, Path> cases = new LinkedHashMap<>();
        cases.put("no client certificate", null);
        Path expired = folder.resolve("expired");
        authority.issueProvince("04", now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(10)), expired);
        cases.put("expired", expired);
        Path early = folder.resolve("not-yet-valid");
        authority.issueProvince("04", now.plus(Duration.ofDays(10)), now.plus(Duration.ofDays(400)), early);
        cases.put("not yet valid", early);
        Path foreign = folder.resolve("other-ca-province");
        other.issueProvince("04", YEAR, foreign);
        cases.put("issued by another CA", foreign);
        Path server = folder.resolve("server-as-client");
        authority.issueMinistry(List.of("ministry.example"), YEAR, server);
        cases.put("a server certificate as a client certificate", server);
        cases.put("self-signed", selfSigned("04", folder.resolve("self-signed")));
        long before = ministry.store().countRevisions();

        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Path> bad : cases.entrySet()) {
            ManagedChannel channel = client(bad.getValue());
            try {
                StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> TlsFederation.file(channel, "04", 2020, 1),
                        bad.getKey());
                if (!NOT_THROUGH.contains(refused.getStatus().getCode())) {
                    failures.add(bad.getKey() + ": " + refused.getStatus());
                }
                assertThrows(StatusRuntimeException.class, () -> TlsFederation.sendInventory(channel, "04"), bad.getKey());
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(before, ministry.store().countRevisions(), "nothing stored");
        assertTrue(ministry.store().inventories().stream().noneMatch(node -> node.provinceCode().equals("04")));
    }

    @Test
    void aRevokedCertificate_isRefusedOnceTheListChanges_withTheMinistryStillRunning() throws Exception {
        Path tls = province("08", "tuyenquang");
        BigInteger serial = Pem.readCertificates(tls.resolve("node.crt.pem")).get(0).getSerialNumber();
        ManagedChannel channel = client(tls);
        try {
            TlsFederation.file(channel, "08", 2019, 1);
            long stored = ministry.store().countRevisions();

            authority.revoke(serial, "keyCompromise");
            TlsFederation.replace(authority.crlFile(), ministryTls.resolve("crl.pem"));

            // the connection made before the revocation is still open: every call on it is checked again
            StatusRuntimeException onOpenConnection = assertThrows(StatusRuntimeException.class, () -> TlsFederation.file(channel, "08", 2019, 2));
            assertEquals(Status.Code.UNAUTHENTICATED, onOpenConnection.getStatus().getCode());
            assertTrue(onOpenConnection.getStatus().getDescription().contains("revoked"), onOpenConnection.getStatus().getDescription());
            ManagedChannel fresh = client(tls);
            try {
                StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> TlsFederation.file(fresh, "08", 2019, 3));
                assertTrue(NOT_THROUGH.contains(refused.getStatus().getCode()), refused.getStatus().toString());
                // the TLS alert names the reason, so the province's outbox can show it ("... CERTIFICATE_REVOKED")
                assertTrue(String.valueOf(refused.getStatus().getCause()).toUpperCase(java.util.Locale.ROOT).contains("REVOKED"),
                        String.valueOf(refused.getStatus().getCause()));
            } finally {
                fresh.shutdownNow();
            }
            assertEquals(stored, ministry.store().countRevisions(), "nothing stored after the revocation");
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void aThousandAttemptsForAnotherProvince_areEachPermissionDenied_andNoneIsStored() throws Exception {
        Path tls = province("06", "backan");
        long before = ministry.store().countRevisions();
        List<String> inventoriesBefore = ministry.store().inventories().stream().map(node -> node.provinceCode()).toList();
        List<String> others = List.of("01", "79", "04", "42", "19");
        int denied = 0;
        ManagedChannel channel = client(tls);
        try {
            for (int attempt = 0; attempt < 1_000; attempt++) {
                String victim = others.get(attempt % others.size());
                int current = attempt;
                StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> {
                    if (current % 2 == 0) {
                        TlsFederation.file(channel, victim, 2022, 1 + current);
                    } else {
                        TlsFederation.sendInventory(channel, victim);
                    }
                });
                assertEquals(Status.Code.PERMISSION_DENIED, refused.getStatus().getCode(), refused.getStatus().toString());
                String description = refused.getStatus().getDescription();
                assertTrue(description.contains("Bac Kan (06)") && description.contains("(" + victim + ")"), description);
                denied++;
            }
        } finally {
            channel.shutdownNow();
        }
        assertEquals(1_000, denied);
        assertEquals(before, ministry.store().countRevisions(), "none stored");
        assertEquals(inventoriesBefore, ministry.store().inventories().stream().map(node -> node.provinceCode()).toList(),
                "no inventory recorded");
    }

    /** A certificate that names a province and allows clientAuth, signed by its own key: no CA vouches for it. */
    private static Path selfSigned(String code, Path out) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=congvu province " + code + ",O=congvu,C=VN");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(YEAR)), name, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                new GeneralName(GeneralName.uniformResourceIdentifier, NodeIdentity.province(code).uri())));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        Files.createDirectories(out);
        Pem.writeAtomically(out.resolve("node.key.pem"), true, new JcaPKCS8Generator(pair.getPrivate(), null));
        Pem.writeAtomically(out.resolve("node.crt.pem"), false, certificate);
        return out;
    }
}
