package vn.congvu.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundle's classes stay small and call one way: no class over 300 lines, and no cycle among the classes
 * that name each other (a coordinator over single-purpose parts, none of which refers back to it).
 */
class BundleStructureTest {

    private static final Path SOURCES = Path.of("src/main/java/vn/congvu/modules");
    private static final int MAX_LINES = 300;

    @Test
    void noClassIsLongerThan300Lines() throws IOException {
        Map<String, Integer> tooLong = new TreeMap<>();
        for (Path source : sources()) {
            int lines = Files.readAllLines(source, StandardCharsets.UTF_8).size();
            if (lines > MAX_LINES) {
                tooLong.put(source.getFileName().toString(), lines);
            }
        }
        assertEquals(Map.of(), tooLong);
    }

    @Test
    void noTwoClassesReferToEachOther_directlyOrInACycle() throws IOException {
        Map<String, Set<String>> references = references();
        assertTrue(references.size() > 10, "the classes were read: " + references.keySet());
        assertTrue(references.get("RuleBundleManager").contains("Swaps"), "references are found: " + references);
        List<List<String>> cycles = cycles(references);
        assertEquals(List.of(), cycles, "classes that refer to each other, in a cycle");
    }

    @Test
    void theCycleFinderFindsACycle() {
        Map<String, Set<String>> graph = Map.of("A", Set.of("B"), "B", Set.of("C"), "C", Set.of("A"), "D", Set.of("A"));
        assertEquals(List.of(List.of("A", "B", "C")), cycles(graph));
    }

    /** @return for each class of the bundle, the other classes of the bundle its code names (comments left out) */
    private static Map<String, Set<String>> references() throws IOException {
        Map<String, String> code = new HashMap<>();
        for (Path source : sources()) {
            String name = source.getFileName().toString().replace(".java", "");
            code.put(name, withoutComments(Files.readString(source, StandardCharsets.UTF_8)));
        }
        Map<String, Set<String>> references = new TreeMap<>();
        for (Map.Entry<String, String> type : code.entrySet()) {
            Set<String> named = new TreeSet<>();
            for (String other : code.keySet()) {
                if (!other.equals(type.getKey()) && Pattern.compile("\\b" + other + "\\b").matcher(type.getValue()).find()) {
                    named.add(other);
                }
            }
            references.put(type.getKey(), named);
        }
        return references;
    }

    /** @return every strongly connected set of more than one class (Tarjan), each sorted, in order */
    private static List<List<String>> cycles(Map<String, Set<String>> graph) {
        List<List<String>> cycles = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        List<String> stack = new ArrayList<>();
        Set<String> onStack = new HashSet<>();
        for (String node : new TreeSet<>(graph.keySet())) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, onStack, cycles);
            }
        }
        return cycles;
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
                                List<String> stack, Set<String> onStack, List<List<String>> cycles) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.add(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, onStack, cycles);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            List<String> component = new ArrayList<>();
            String member;
            do {
                member = stack.remove(stack.size() - 1);
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                component.sort(String::compareTo);
                cycles.add(component);
            }
        }
    }

    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(path -> path.toString().endsWith(".java") && !path.endsWith("package-info.java")).sorted().toList();
        }
    }
}
