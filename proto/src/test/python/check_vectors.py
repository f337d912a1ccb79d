#!/usr/bin/env python3
"""Recomputes the content-hash test vectors of congvu.federation.v1.Report.

The canonical form (version 2, "congvu.report.v2") and its SHA-256 are specified in the comment on
field `content_hash` of message `Report` in
proto/src/main/proto/congvu/federation/v1/reporting.proto. This script implements that text alone,
in a second language, with the Python standard library only; it never looks at the Java code.

    python3 proto/src/test/python/check_vectors.py [VECTORS_JSON]
        recomputes every vector's canonical form and hash from its report (proto3 JSON), compares
        them with the file, prints one line per failure and then
        "content hash vectors: N recomputed, M mismatched"; exits 0 only when M is 0 and N > 0.

    python3 proto/src/test/python/check_vectors.py --generate [VECTORS_JSON]
        rewrites the canonical_form_hex and content_hash of every vector from its report, then checks.

VECTORS_JSON defaults to proto/src/main/proto/congvu/federation/v1/testdata/content_hash_vectors.json.
"""

import hashlib
import json
import sys
from pathlib import Path

DEFAULT_VECTORS = (Path(__file__).resolve().parents[2]
                   / "main" / "proto" / "congvu" / "federation" / "v1" / "testdata" / "content_hash_vectors.json")

VERSION = "congvu.report.v2"

# The enums of reporting.proto: number -> name. The canonical form writes names, never numbers.
PERIOD_KINDS = {0: "PERIOD_KIND_UNSPECIFIED", 1: "PERIOD_KIND_YEAR", 2: "PERIOD_KIND_HALF",
                3: "PERIOD_KIND_QUARTER", 4: "PERIOD_KIND_MONTH"}
REGIMES = {0: "REGIME_UNSPECIFIED", 1: "REGIME_PERIODIC", 2: "REGIME_THEMATIC"}
SEVERITIES = {0: "SEVERITY_UNSPECIFIED", 1: "SEVERITY_INFO", 2: "SEVERITY_WARNING", 3: "SEVERITY_SERIOUS"}

# The fields of each message: JSON name -> proto name (proto3 JSON parsers accept both).
FIELDS = {
    "Report": {"key": "key", "revision": "revision", "contentHash": "content_hash", "modules": "modules",
               "values": "values", "preparedAt": "prepared_at", "findings": "findings"},
    "ReportKey": {"provinceCode": "province_code", "period": "period", "regime": "regime"},
    "Period": {"year": "year", "kind": "kind", "number": "number"},
    "ModuleProvenance": {"moduleId": "module_id", "version": "version", "jarSha256": "jar_sha256"},
    "IndicatorValue": {"code": "code", "disaggregation": "disaggregation", "value": "value"},
    "Dimension": {"name": "name", "code": "code"},
    "Finding": {"ruleId": "rule_id", "unit": "unit", "count": "count", "severity": "severity",
                "message": "message"},
}


class VectorError(Exception):
    """A report that cannot be read as a congvu.federation.v1.Report in proto3 JSON."""


# ---------------------------------------------------------------------------------------------------
# The three encodings of the spec.

def text(s):
    """TEXT(s): the UTF-8 byte length in decimal ASCII, ":", then the UTF-8 bytes."""
    data = s.encode("utf-8")
    return str(len(data)).encode("ascii") + b":" + data


def integer(n):
    """INT(n): TEXT of n in decimal ASCII ("-" before a negative number, no leading zero)."""
    return text(str(n))


def listing(elements):
    """LIST(e): INT(number of elements), then the encodings in ascending unsigned-byte order."""
    # Python compares bytes as unsigned bytes, a prefix before the longer string: as the spec says.
    return integer(len(elements)) + b"".join(sorted(elements))


def canonical_decimal(written):
    """The shortest plain decimal form of a number written in plain notation ("-0.50" -> "-0.5")."""
    if not isinstance(written, str):
        raise VectorError("value %r is not a JSON string" % (written,))
    rest = written
    negative = rest.startswith("-")
    if negative:
        rest = rest[1:]
    whole, dot, fraction = rest.partition(".")
    if (not whole or not all(c in "0123456789" for c in whole)
            or (dot and (not fraction or not all(c in "0123456789" for c in fraction)))):
        raise VectorError("value %r is not a decimal number in plain notation" % (written,))
    whole = whole.lstrip("0") or "0"
    fraction = fraction.rstrip("0")
    if whole == "0" and not fraction:
        return "0"  # zero is "0", never "-0"
    return ("-" if negative else "") + whole + ("." + fraction if fraction else "")


# ---------------------------------------------------------------------------------------------------
# Reading the proto3 JSON of a report (absent fields are their defaults, as in proto3).

def fields(obj, message, where):
    if not isinstance(obj, dict):
        raise VectorError("%s: a %s must be a JSON object" % (where, message))
    known = FIELDS[message]
    read = {}
    for key, value in obj.items():
        proto_name = known.get(key) or (key if key in known.values() else None)
        if proto_name is None:
            raise VectorError("%s: %s has no field %r" % (where, message, key))
        if proto_name in read:
            raise VectorError("%s: field %r given twice" % (where, proto_name))
        read[proto_name] = value
    return read


def string_field(obj, name, where):
    value = obj.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise VectorError("%s.%s: %r is not a string" % (where, name, value))
    return value


def int_field(obj, name, where):
    value = obj.get(name)
    if value is None:
        return 0
    if isinstance(value, bool):
        raise VectorError("%s.%s: %r is not an integer" % (where, name, value))
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        digits = value[1:] if value.startswith("-") else value
        if digits and all(c in "0123456789" for c in digits):
            return int(value)
    raise VectorError("%s.%s: %r is not an integer" % (where, name, value))


def enum_field(obj, name, names, where):
    value = obj.get(name)
    if value is None:
        return names[0]
    if isinstance(value, str) and value in names.values():
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value in names:
        return names[value]
    raise VectorError("%s.%s: %r is not one of %s" % (where, name, value, ", ".join(names.values())))


def message_field(obj, name, message, where):
    value = obj.get(name)
    return fields({} if value is None else value, message, where + "." + name)


def repeated_field(obj, name, message, where):
    value = obj.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        raise VectorError("%s.%s: a repeated field must be a JSON array" % (where, name))
    return [fields(item, message, "%s.%s[%d]" % (where, name, i)) for i, item in enumerate(value)]


# ---------------------------------------------------------------------------------------------------
# The canonical form.

def canonical_form(report_json):
    """The canonical form (version 2) of a Report given in proto3 JSON, as bytes."""
    report = fields(report_json, "Report", "report")
    key = message_field(report, "key", "ReportKey", "report")
    period = message_field(key, "period", "Period", "report.key")
    out = [
        text(VERSION),
        text(string_field(key, "province_code", "report.key")),
        integer(int_field(period, "year", "report.key.period")),
        text(enum_field(period, "kind", PERIOD_KINDS, "report.key.period")),
        integer(int_field(period, "number", "report.key.period")),
        text(enum_field(key, "regime", REGIMES, "report.key")),
    ]
    modules = []
    for i, module in enumerate(repeated_field(report, "modules", "ModuleProvenance", "report")):
        where = "report.modules[%d]" % i
        modules.append(text(string_field(module, "module_id", where))
                       + text(string_field(module, "version", where))
                       + text(string_field(module, "jar_sha256", where)))
    out.append(listing(modules))
    values = []
    for i, value in enumerate(repeated_field(report, "values", "IndicatorValue", "report")):
        where = "report.values[%d]" % i
        dimensions = [text(string_field(dimension, "name", where)) + text(string_field(dimension, "code", where))
                      for dimension in repeated_field(value, "disaggregation", "Dimension", where)]
        values.append(text(string_field(value, "code", where))
                      + listing(dimensions)
                      + text(canonical_decimal(value.get("value", ""))))
    out.append(listing(values))
    findings = []
    for i, finding in enumerate(repeated_field(report, "findings", "Finding", "report")):
        where = "report.findings[%d]" % i
        findings.append(text(string_field(finding, "rule_id", where))
                        + text(string_field(finding, "unit", where))
                        + integer(int_field(finding, "count", where))
                        + text(enum_field(finding, "severity", SEVERITIES, where))
                        + text(string_field(finding, "message", where)))
    out.append(listing(findings))
    return b"".join(out)


def content_hash(canonical):
    return hashlib.sha256(canonical).hexdigest()


# ---------------------------------------------------------------------------------------------------
# The old encoding (lines joined by "\n"), only to show that the collision pair really collided.

def old_form(report_json):
    def java_order(s):
        return s.encode("utf-16-be")  # Java's String.compareTo compares UTF-16 code units

    report = fields(report_json, "Report", "report")
    key = message_field(report, "key", "ReportKey", "report")
    period = message_field(key, "period", "Period", "report.key")
    year = int_field(period, "year", "period")
    number = int_field(period, "number", "period")
    kind = enum_field(period, "kind", PERIOD_KINDS, "period")
    written_period = {"PERIOD_KIND_YEAR": "%d" % year, "PERIOD_KIND_HALF": "%d-H%d" % (year, number),
                      "PERIOD_KIND_QUARTER": "%d-Q%d" % (year, number),
                      "PERIOD_KIND_MONTH": "%d-M%02d" % (year, number)}[kind]
    regime = enum_field(key, "regime", REGIMES, "key")[len("REGIME_"):]
    lines = ["key\t%s\t%s\t%s" % (string_field(key, "province_code", "key"), written_period, regime)]
    modules = repeated_field(report, "modules", "ModuleProvenance", "report")
    for module in sorted(modules, key=lambda m: java_order(string_field(m, "module_id", ""))):
        lines.append("module\t%s\t%s\t%s" % (string_field(module, "module_id", ""),
                                             string_field(module, "version", ""),
                                             string_field(module, "jar_sha256", "")))
    values = []
    for value in repeated_field(report, "values", "IndicatorValue", "report"):
        dimensions = sorted(((string_field(d, "name", ""), string_field(d, "code", ""))
                             for d in repeated_field(value, "disaggregation", "Dimension", "")),
                            key=lambda d: java_order(d[0]))
        written = ",".join("%s=%s" % d for d in dimensions) or "total"
        values.append((string_field(value, "code", ""), written, canonical_decimal(value.get("value", ""))))
    for code, written, number_text in sorted(values, key=lambda v: (java_order(v[0]), java_order(v[1]))):
        lines.append("value\t%s\t%s\t%s" % (code, written, number_text))
    findings = repeated_field(report, "findings", "Finding", "report")
    for finding in sorted(findings, key=lambda f: (java_order(string_field(f, "rule_id", "")),
                                                    java_order(string_field(f, "unit", "")))):
        lines.append("finding\t%s\t%s\t%d\t%s\t%s" % (
            string_field(finding, "rule_id", ""), string_field(finding, "unit", ""),
            int_field(finding, "count", ""),
            enum_field(finding, "severity", SEVERITIES, "")[len("SEVERITY_"):],
            string_field(finding, "message", "")))
    return "\n".join(lines).encode("utf-8")


# ---------------------------------------------------------------------------------------------------

def check(data):
    """Prints one line per failure; returns (recomputed, mismatched)."""
    failures = []
    recomputed = 0
    computed = {}
    reports = {}
    vectors = data.get("vectors") if isinstance(data, dict) else None
    if not isinstance(vectors, list):
        failures.append("the file has no \"vectors\" array")
        vectors = []
    for i, vector in enumerate(vectors):
        name = vector.get("name") if isinstance(vector, dict) else None
        label = name if isinstance(name, str) and name else "vectors[%d]" % i
        if not isinstance(name, str) or not name:
            failures.append("%s: no name" % label)
            continue
        if name in computed:
            failures.append("%s: the name is used twice" % label)
            continue
        try:
            canonical = canonical_form(vector.get("report"))
        except VectorError as e:
            failures.append("%s: %s" % (label, e))
            continue
        recomputed += 1
        computed[name] = content_hash(canonical)
        reports[name] = vector.get("report")
        if vector.get("canonical_form_hex") != canonical.hex():
            failures.append("%s: canonical_form_hex differs: file %s, recomputed %s"
                            % (label, vector.get("canonical_form_hex"), canonical.hex()))
        if vector.get("content_hash") != computed[name]:
            failures.append("%s: content_hash differs: file %s, recomputed %s"
                            % (label, vector.get("content_hash"), computed[name]))

    def pair(first, second, same):
        if first not in computed or second not in computed:
            failures.append("%s/%s: the pair is missing" % (first, second))
            return False
        if (computed[first] == computed[second]) != same:
            failures.append("%s/%s: the hashes should %s: %s, %s" % (
                first, second, "be equal" if same else "differ", computed[first], computed[second]))
            return False
        return True

    if pair("collision-pair-a", "collision-pair-b", same=False):
        if old_form(reports["collision-pair-a"]) != old_form(reports["collision-pair-b"]):
            failures.append("collision-pair-a/collision-pair-b: the old line encoding tells them apart,"
                            " so they are no collision")
    pair("order-twin-1", "order-twin-2", same=True)

    for failure in failures:
        print(failure)
    return recomputed, len(failures)


def generate(data):
    for vector in data.get("vectors", []):
        canonical = canonical_form(vector["report"])
        vector["canonical_form_hex"] = canonical.hex()
        vector["content_hash"] = content_hash(canonical)


def main(argv):
    args = list(argv)
    regenerate = "--generate" in args
    args = [a for a in args if a != "--generate"]
    if len(args) > 1 or any(a.startswith("--") for a in args):
        print("usage: check_vectors.py [--generate] [VECTORS_JSON]", file=sys.stderr)
        return 2
    path = Path(args[0]) if args else DEFAULT_VECTORS
    data = json.loads(path.read_text(encoding="utf-8"))
    if regenerate:
        try:
            generate(data)
        except VectorError as e:
            print("cannot generate: %s" % e, file=sys.stderr)
            return 1
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    recomputed, mismatched = check(data)
    print("content hash vectors: %d recomputed, %d mismatched" % (recomputed, mismatched))
    return 0 if mismatched == 0 and recomputed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
