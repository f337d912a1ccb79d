package vn.congvu.launcher;

import java.nio.file.Path;
import java.util.List;

/** How a node that is not ready says so: the same words from run, exec, status and the control channel. */
final class NotReady {

    private NotReady() {
    }

    /** @return the problems, said before a script that runs all the same (its commands are there) */
    static String warning(Path home, List<String> problems) {
        return "warning: " + text(home, problems);
    }

    /** @return "not ready: HOME" and one indented line per problem, ending in a line break */
    static String text(Path home, List<String> problems) {
        StringBuilder text = new StringBuilder("not ready: ").append(home).append('\n');
        for (String problem : problems) {
            text.append("  ").append(problem).append('\n');
        }
        return text.toString();
    }
}
