package vn.congvu.modules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

class CompatibilityTest {

    private static final Map<String, List<Version>> NODE = Map.of(
            "vn.congvu.api", List.of(new Version(1, 0, 0)),
            "vn.congvu.api.rule", List.of(new Version(1, 0, 0)),
            "org.slf4j", List.of(new Version(2, 0, 17)));

    @TempDir
    Path folder;

    private CandidateJar jar(String imports, boolean rules) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-SymbolicName", "vn.congvu.rules.example;singleton:=true");
        main.putValue("Bundle-Version", "1.2.3");
        main.putValue("Import-Package", imports);
        if (rules) {
            main.putValue("Provide-Capability", "osgi.service;objectClass:List<String>=\"vn.congvu.api.rule.RuleModule\"");
        }
        Path path = folder.resolve("example.jar");
        try (OutputStream file = Files.newOutputStream(path); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.flush();
        }
        return CandidateJar.read(path);
    }

    @Test
    void aJarBuiltForThisApi_fits() throws IOException {
        CandidateJar jar = jar("java.util,vn.congvu.api;version=\"[1.0,2)\",vn.congvu.api.rule;version=\"[1.0,2)\"", true);
        assertEquals("vn.congvu.rules.example", jar.symbolicName());
        assertEquals(new Version(1, 2, 3), jar.version());
        assertEquals(List.of(), Compatibility.problems(jar, NODE));
    }

    @Test
    void aJarBuiltForAnotherApi_isNamedAsSuch_inOneSentence() throws IOException {
        CandidateJar jar = jar("vn.congvu.api.rule;version=\"[2.0,3)\",vn.congvu.api;version=\"[2.0,3)\"", true);
        assertEquals(List.of("it was built for another version of the congvu api: it accepts only api versions [2.0.0,3.0.0) "
                + "(vn.congvu.api, vn.congvu.api.rule), and this node runs api 1.0.0; rebuild the module against this "
                + "node's api, or upgrade the node first"), Compatibility.problems(jar, NODE));
    }

    @Test
    void missingAndTooOldPackages_areNamed_optionalOnesAreNot() throws IOException {
        CandidateJar jar = jar("com.example.pdf;version=\"[1.2,2)\",org.slf4j;version=\"[3,4)\","
                + "com.example.optional;resolution:=optional", true);
        assertEquals(List.of("it needs the package com.example.pdf, which no bundle on this node provides",
                "it needs the package org.slf4j in versions [3.0.0,4.0.0), and this node provides only 2.0.17"),
                Compatibility.problems(jar, NODE));
    }

    @Test
    void aBundleWithoutRuleModules_isNotARuleBundle() throws IOException {
        assertEquals(List.of("example.jar (vn.congvu.rules.example) is not a rule bundle: it declares no "
                + "vn.congvu.api.rule.RuleModule service, so it cannot be installed as a module"),
                Compatibility.problems(jar("", false), NODE));
    }
}
