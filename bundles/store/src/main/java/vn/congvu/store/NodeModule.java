package vn.congvu.store;

import java.time.Instant;

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
 */
public record NodeModule(String moduleId, String version, String jarSha256, String moduleProvince, String titleVi,
                         String legalBasis, Instant since) {
}
