package vn.congvu.health.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import vn.congvu.health.Problem;

/**
 * Checks every {@code etc/*.cfg} of a node home against the settings its components declare: a file no
 * component reads, an unknown key (with the closest known one), a value of the wrong type, a required
 * setting missing, and the files a province or the ministry cannot do without. Each problem names the file
 * and key, on one line. Reads the files as written, so the answer is the same at start and after a change.
 */
final class SettingsCheck {

    /** PIDs set by Felix FileInstall and ConfigAdmin themselves, never written by an operator. */
    private static final Set<String> FRAMEWORK_KEYS = Set.of("service.pid", "service.factoryPid", "service.bundleLocation",
            "felix.fileinstall.filename", "component.name", "component.id");
    private static final String CONGVU_PID = "vn.congvu.";
    private static final Map<String, String> PROVINCE_FILES = Map.of(
            "vn.congvu.store.province", "the province's database",
            "vn.congvu.uplink", "where the ministry is and this node's certificate",
            "vn.congvu.modules", "the folders of the rule bundles");
    private static final Map<String, String> MINISTRY_FILES = Map.of("vn.congvu.store.ministry", "the ministry's database");

    private final Path etc;
    private final Map<String, Map<String, DeclaredSetting>> declared;

    /**
     * @param etc      the node home's settings folder
     * @param declared every PID's declared settings, by key
     */
    SettingsCheck(Path etc, Map<String, Map<String, DeclaredSetting>> declared) {
        this.etc = etc;
        this.declared = declared;
    }

    /** @return every problem of the folder's settings, file by file; empty when all are right */
    List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listed = Files.list(etc)) {
            files = listed.filter(path -> path.getFileName().toString().endsWith(".cfg")).sorted().toList();
        } catch (IOException e) {
            return List.of(new Problem(where(null), "cannot be read: " + e.getMessage()));
        }
        Set<String> pids = new TreeSet<>();
        for (Path file : files) {
            String pid = pid(file);
            pids.add(pid);
            problems.addAll(check(file, pid));
        }
        problems.addAll(missingFiles(pids));
        return problems;
    }

    private List<Problem> check(Path file, String pid) {
        Map<String, DeclaredSetting> settings = declared.get(pid);
        if (settings == null) {
            if (!pid.startsWith(CONGVU_PID)) {
                return List.of(); // another component's settings (Felix HTTP, ...): theirs to check
            }
            String hint = Closest.to(pid, declared.keySet()).map(known -> "; did you mean " + known + ".cfg?")
                    .orElse("; the files a node reads are " + String.join(", ", new TreeSet<>(declared.keySet())));
            return List.of(new Problem(where(file), "no part of this node reads this file" + hint));
        }
        Properties values = new Properties();
        try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            values.load(reader);
        } catch (CharacterCodingException e) {
            return List.of(new Problem(where(file), "is not UTF-8 text; save it as UTF-8"));
        } catch (IOException | IllegalArgumentException e) {
            return List.of(new Problem(where(file), "cannot be read: " + e.getMessage()));
        }
        List<Problem> problems = new ArrayList<>();
        for (String key : new TreeSet<>(values.stringPropertyNames())) {
            DeclaredSetting setting = settings.get(key);
            if (setting == null && !FRAMEWORK_KEYS.contains(key)) {
                String hint = Closest.to(key, settings.keySet()).map(known -> "; did you mean " + known + "?")
                        .orElse("; the settings of this file are " + String.join(", ", settings.keySet()));
                problems.add(new Problem(where(file), key + " is not a setting" + hint));
            } else if (setting != null) {
                String wrong = SettingTypes.problem(values.getProperty(key).trim(), setting);
                if (wrong != null) {
                    problems.add(new Problem(where(file), key + " = " + wrong));
                }
            }
        }
        for (DeclaredSetting setting : settings.values()) {
            if (setting.required() && values.getProperty(setting.key(), "").isBlank()) {
                problems.add(new Problem(where(file), setting.key() + " is missing: " + setting.description()));
            }
        }
        return problems;
    }

    private List<Problem> missingFiles(Set<String> pids) {
        Map<String, String> needed;
        if (pids.contains("vn.congvu.engine")) {
            needed = PROVINCE_FILES;
        } else if (pids.contains("vn.congvu.ministry")) {
            needed = MINISTRY_FILES;
        } else {
            return List.of(new Problem(where(null), "this node home has neither vn.congvu.engine.cfg (a province node) "
                    + "nor vn.congvu.ministry.cfg (the ministry's node); copy nodes/province or nodes/ministry of the distribution"));
        }
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, String> file : new java.util.TreeMap<>(needed).entrySet()) {
            if (!pids.contains(file.getKey())) {
                problems.add(new Problem(where(etc.resolve(file.getKey() + ".cfg")), "is missing: it holds "
                        + file.getValue() + " (the distribution's node template has it)"));
            }
        }
        return problems;
    }

    private static String pid(Path file) {
        String name = file.getFileName().toString();
        name = name.substring(0, name.length() - ".cfg".length());
        int factory = name.indexOf('-');
        return factory > 0 ? name.substring(0, factory) : name;
    }

    private String where(Path file) {
        return file == null ? "etc/" : "etc/" + etc.relativize(file);
    }
}
