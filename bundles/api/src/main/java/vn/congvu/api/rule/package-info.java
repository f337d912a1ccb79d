/** The rule-module SPI: what a province's rule bundle implements and what the engine gives it. */
@Export
@Version("1.0.0")
package vn.congvu.api.rule;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
