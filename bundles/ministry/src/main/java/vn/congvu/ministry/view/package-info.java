/**
 * The ministry's figures as tables a person reads: the reporting calendar and completeness, the national tables
 * as reported and restated, a province's reports, its series, the fleet. The web console renders these tables as
 * HTML, CSV and JSON and the Gogo commands as text, so every output shows the same rows in the same order and
 * formats (Vietnamese numbers, dates in Vietnam's time zone, names in words).
 */
@Export
@Version("1.0.0")
package vn.congvu.ministry.view;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
