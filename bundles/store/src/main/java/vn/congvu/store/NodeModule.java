package vn.congvu.store;

import java.time.Instant;
import java.util.List;

/**
 * A rule module a province node runs, as the node reported it.
 *
 * @param moduleId       the module id
 * @param version        the version of its bundle
 * @param jarSha256      the SHA-256 of its jar
 * @param moduleProvince the province code it encodes rules of, or {@code *} for a national rule
 * @param titleVi        its title
 * @param legalBasis     the documents it encodes
 * @param since          since when the node has run this version
 * @param signer         who signed its bundle's jar, as the node verified it before installing it (such as
 *                       {@code CN=Sở Nội vụ Cao Bằng (sha256 1a2b3c4d5e6f)}, {@code unsigned} or {@code unknown});
 *                       empty when the node did not say (a node older than the signer in its inventory)
 * @param produces       every indicator code it produces (national codes and its own extensions), as its descriptor
 *                       declares them; empty when no node running this jar said (nodes older than the field)
 */
public record NodeModule(String moduleId, String version, String jarSha256, String moduleProvince, String titleVi,
                         String legalBasis, Instant since, String signer, List<String> produces) {

    /** A missing signer is the empty one, and missing outputs none: the node did not say. */
    public NodeModule {
        signer = signer == null ? "" : signer;
        produces = produces == null ? List.of() : List.copyOf(produces);
    }

    /**
     * A module of a node that did not say what it produces.
     *
     * @param moduleId       the module id
     * @param version        the version of its bundle
     * @param jarSha256      the SHA-256 of its jar
     * @param moduleProvince the province code it encodes rules of, or {@code *} for a national rule
     * @param titleVi        its title
     * @param legalBasis     the documents it encodes
     * @param since          since when the node has run this version
     * @param signer         who signed its bundle's jar, or empty when the node did not say
     */
    public NodeModule(String moduleId, String version, String jarSha256, String moduleProvince, String titleVi,
                      String legalBasis, Instant since, String signer) {
        this(moduleId, version, jarSha256, moduleProvince, titleVi, legalBasis, since, signer, List.of());
    }

    /**
     * A module of a node that did not say who signed it, nor what it produces.
     *
     * @param moduleId       the module id
     * @param version        the version of its bundle
     * @param jarSha256      the SHA-256 of its jar
     * @param moduleProvince the province code it encodes rules of, or {@code *} for a national rule
     * @param titleVi        its title
     * @param legalBasis     the documents it encodes
     * @param since          since when the node has run this version
     */
    public NodeModule(String moduleId, String version, String jarSha256, String moduleProvince, String titleVi,
                      String legalBasis, Instant since) {
        this(moduleId, version, jarSha256, moduleProvince, titleVi, legalBasis, since, "", List.of());
    }
}
