package vn.congvu.ministry;

import java.time.Instant;

/**
 * A certificate a province node presented to the ministry.
 *
 * @param provinceCode the province the certificate names
 * @param serialHex    its serial number, hexadecimal
 * @param subject      its subject, for people
 * @param notAfter     when it expires
 * @param firstSeen    when the ministry first saw it
 * @param switchedTo   when the node last called with it after calling with another (its first sight, or later)
 */
public record ProvinceCertificate(String provinceCode, String serialHex, String subject, Instant notAfter,
                                  Instant firstSeen, Instant switchedTo) {
}
