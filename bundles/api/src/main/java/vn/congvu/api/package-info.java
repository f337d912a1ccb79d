/**
 * The congvu domain model: provinces, periods, reports and indicator values.
 *
 * <p>What a rule module works with: the {@link vn.congvu.api.Period} it evaluates
 * ({@code Period.year(2024)}, {@code Period.parse("2024-Q3")}), the {@link vn.congvu.api.Province}, the figures it
 * produces ({@link vn.congvu.api.IndicatorValue}: a code of {@link vn.congvu.api.CoreIndicators} or an extension,
 * a {@link vn.congvu.api.Disaggregation}, a value) and the rules it finds broken ({@link vn.congvu.api.Finding}).
 * The SPI itself is {@link vn.congvu.api.rule}; the catalog of codes is {@link vn.congvu.api.catalog}; the records
 * it reads are {@link vn.congvu.api.record}.
 */
@Export
@Version("1.2.0")
package vn.congvu.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
