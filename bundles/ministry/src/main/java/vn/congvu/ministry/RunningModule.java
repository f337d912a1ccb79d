package vn.congvu.ministry;

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
 * @param signer         who signed its bundle's jar, as the node verified it; empty when the node did not say
 * @param produces       every indicator code it produces, as its descriptor declares them; empty when no node
 *                       running this jar said
 */
public record RunningModule(String moduleId, String version, String jarSha256, String moduleProvince, String titleVi,
                            String legalBasis, Instant since, String signer, List<String> produces) {

    /** Copies the outputs. */
    public RunningModule {
        produces = List.copyOf(produces);
    }
}
