package vn.congvu.api.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dimension figures break down by, with its code list; an open dimension (such as the inspected unit)
 * takes any code.
 *
 * @param name    the dimension name, such as {@code discipline_form}
 * @param labelVi its Vietnamese label
 * @param codes   its code list; empty when open
 */
public record Dimension(String name, String labelVi, List<Code> codes) {

    /** Copies the codes. */
    public Dimension {
        Objects.requireNonNull(name, "dimension: name is missing");
        codes = List.copyOf(codes);
    }

    /** @return whether any code is accepted */
    public boolean open() {
        return codes.isEmpty();
    }

    /**
     * @param code a code
     * @return that code of the list, if it is one
     */
    public Optional<Code> code(String code) {
        return codes.stream().filter(candidate -> candidate.code().equals(code)).findFirst();
    }
}
