package vn.congvu.store.internal;

import java.util.ArrayList;
import java.util.List;
import vn.congvu.api.Problem;

/**
 * The problems of a refusal as the outbox keeps them: one row of {@link TextCodec#LINES} per problem (field,
 * rule, Vietnamese, English, retryable). Rows written before the codec separated fields by U+001E and are
 * still read.
 */
final class ProblemsText {

    private static final String LEGACY_SEPARATOR = "\u001E";

    private ProblemsText() {
    }

    static String write(List<Problem> problems) {
        List<List<String>> rows = new ArrayList<>();
        for (Problem problem : problems) {
            rows.add(List.of(problem.field(), problem.rule(), problem.messageVi(), problem.messageEn(),
                    Boolean.toString(problem.retryable())));
        }
        return TextCodec.LINES.rows(rows);
    }

    /** @param text what {@link #write} wrote, or null (no problems kept) */
    static List<Problem> read(String text) {
        if (text == null) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        if (text.contains(LEGACY_SEPARATOR)) {
            for (String line : text.split("\n")) {
                add(problems, List.of(line.split(LEGACY_SEPARATOR, -1)));
            }
            return problems;
        }
        TextCodec.LINES.readRows(text).forEach(fields -> add(problems, fields));
        return problems;
    }

    private static void add(List<Problem> problems, List<String> parts) {
        if (parts.size() == 5) {
            problems.add(new Problem(parts.get(0), parts.get(1), parts.get(2), parts.get(3), Boolean.parseBoolean(parts.get(4))));
        }
    }
}
