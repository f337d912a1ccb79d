package vn.congvu.bench.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where a node's time went: the top frames of a Java Flight Recorder recording's execution samples. */
final class Profiles {

    private Profiles() {
    }

    /**
     * @param recording a .jfr file
     * @param most      how many lines
     * @return the methods most often on top of the stack, and the packages, each with its share of samples
     */
    static List<String> topFrames(Path recording, int most) throws IOException, InterruptedException {
        Path jfr = Path.of(System.getProperty("java.home"), "bin", "jfr");
        if (!Files.isExecutable(jfr)) {
            return List.of("  (no jfr tool in " + jfr.getParent() + ")");
        }
        Process print = new ProcessBuilder(jfr.toString(), "print", "--events", "jdk.ExecutionSample", recording.toString())
                .redirectErrorStream(true).start();
        Map<String, Integer> methods = new HashMap<>();
        Map<String, Integer> packages = new HashMap<>();
        int samples = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(print.getInputStream(), StandardCharsets.UTF_8))) {
            boolean nextIsTop = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String trimmed = line.trim();
                if (trimmed.startsWith("stackTrace = [")) {
                    nextIsTop = true;
                } else if (nextIsTop) {
                    nextIsTop = false;
                    String method = trimmed.replaceAll("\\s+line:.*$", "");
                    String type = method.contains("(") ? method.substring(0, method.indexOf('(')) : method;
                    String[] parts = type.split("\\.");
                    String pack = String.join(".", java.util.Arrays.copyOf(parts, Math.min(4, Math.max(1, parts.length - 2))));
                    methods.merge(method, 1, Integer::sum);
                    packages.merge(pack, 1, Integer::sum);
                    samples++;
                }
            }
        }
        print.waitFor();
        List<String> lines = new ArrayList<>();
        int total = Math.max(1, samples);
        lines.add("  " + samples + " samples; by package:");
        packages.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(most)
                .forEach(entry -> lines.add(String.format("  %5.1f%%  %s", 100.0 * entry.getValue() / total, entry.getKey())));
        lines.add("  by method:");
        methods.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(most)
                .forEach(entry -> lines.add(String.format("  %5.1f%%  %s", 100.0 * entry.getValue() / total, entry.getKey())));
        return lines;
    }
}
