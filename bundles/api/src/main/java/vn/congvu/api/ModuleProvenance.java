package vn.congvu.api;

import java.util.Objects;

/**
 * Which code computed a report's figures: a rule module's id, its bundle version and the SHA-256 of its jar.
 *
 * @param moduleId  the module id, such as {@code caobang.dossier-timeliness}
 * @param version   the version of the bundle that holds it
 * @param jarSha256 the SHA-256 of that bundle's jar, lower-case hex
 */
public record ModuleProvenance(String moduleId, String version, String jarSha256) {

    /** @throws NullPointerException naming the part that is missing */
    public ModuleProvenance {
        Objects.requireNonNull(moduleId, "module provenance: module id is missing");
        Objects.requireNonNull(version, "module provenance " + moduleId + ": version is missing");
        Objects.requireNonNull(jarSha256, "module provenance " + moduleId + ": jar checksum is missing");
    }
}
