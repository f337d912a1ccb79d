// Runs after the project is generated, also in batch mode (-B), where the archetype plugin does not check the
// properties' patterns: a project with a province code or slug that a node refuses is removed, and the reason given.
def properties = request.properties
def problems = []
if (!(properties.province ==~ /[0-9]{2}/)) {
    problems << "province=${properties.province} is not a province's official two-digit code, such as 15 (Lào Cai on the 2025 map) or 04 (Cao Bằng)"
}
if (!(properties.slug ==~ /[a-z][a-z0-9]*/)) {
    problems << "slug=${properties.slug} is not lower-case ASCII letters and digits (the province's name without spaces " +
            "or diacritics, such as laocai): it starts the module's id and its indicator codes"
}
if (problems) {
    new File(request.outputDirectory, request.artifactId).deleteDir()
    throw new IllegalArgumentException("congvu-rule-archetype: " + problems.join("; ") + "; nothing was generated")
}
