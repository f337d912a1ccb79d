package vn.congvu.api.record;

import java.util.Arrays;
import java.util.List;
import vn.congvu.api.AdministrativeLevel;
import java.util.Optional;

/** The national record types every province node can import. */
public final class RecordTypes {

    /**
     * An administrative-procedure dossier (hồ sơ TTHC): where it was received, when, when it was due and
     * when it was resolved (empty while pending).
     */
    public static final RecordType DOSSIER = new RecordType("dossier", "id", List.of(
            FieldSpec.required("id", FieldKind.TEXT),
            FieldSpec.code("level", Arrays.stream(AdministrativeLevel.values()).map(AdministrativeLevel::code).toList()),
            FieldSpec.required("unit", FieldKind.TEXT),
            FieldSpec.required("received", FieldKind.DATE),
            FieldSpec.required("due", FieldKind.DATE),
            FieldSpec.optional("resolved", FieldKind.DATE)));

    private static final List<RecordType> ALL = List.of(DOSSIER);

    private RecordTypes() {
    }

    /** @return every national record type */
    public static List<RecordType> all() {
        return ALL;
    }

    /**
     * @param name a record type name
     * @return the type, if it is a national record type
     */
    public static Optional<RecordType> byName(String name) {
        return ALL.stream().filter(type -> type.name().equals(name)).findFirst();
    }
}
