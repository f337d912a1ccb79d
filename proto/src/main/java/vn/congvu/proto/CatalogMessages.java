package vn.congvu.proto;

import vn.congvu.api.catalog.Code;
import vn.congvu.api.catalog.Constraint;
import vn.congvu.api.catalog.Dimension;
import vn.congvu.api.catalog.Indicator;
import vn.congvu.api.catalog.NationalCatalog;
import vn.congvu.federation.v1.Aggregation;
import vn.congvu.federation.v1.CodeDefinition;
import vn.congvu.federation.v1.ConstraintDefinition;
import vn.congvu.federation.v1.ConstraintKind;
import vn.congvu.federation.v1.DimensionDefinition;
import vn.congvu.federation.v1.GetCatalogResponse;
import vn.congvu.federation.v1.IndicatorDefinition;
import vn.congvu.federation.v1.ValueType;

/** Writes the national catalog as the protocol's {@link GetCatalogResponse}. */
public final class CatalogMessages {

    private CatalogMessages() {
    }

    /** @return the national catalog as a message */
    public static GetCatalogResponse nationalCatalog() {
        GetCatalogResponse.Builder catalog = GetCatalogResponse.newBuilder();
        for (Indicator indicator : NationalCatalog.indicators()) {
            catalog.addIndicators(IndicatorDefinition.newBuilder()
                    .setCode(indicator.code()).setLabelVi(indicator.labelVi()).setLabelEn(indicator.labelEn())
                    .setUnit(indicator.unit())
                    .setValueType(ValueType.forNumber(indicator.valueType().ordinal() + 1))
                    .addAllDimensions(indicator.dimensions())
                    .setAggregation(Aggregation.forNumber(indicator.aggregation().ordinal() + 1))
                    .setNumerator(indicator.numerator() == null ? "" : indicator.numerator())
                    .setDenominator(indicator.denominator() == null ? "" : indicator.denominator()));
        }
        for (Dimension dimension : NationalCatalog.dimensions()) {
            DimensionDefinition.Builder definition = DimensionDefinition.newBuilder()
                    .setName(dimension.name()).setLabelVi(dimension.labelVi());
            for (Code code : dimension.codes()) {
                definition.addCodes(CodeDefinition.newBuilder().setCode(code.code()).setLabelVi(code.labelVi())
                        .setValidFrom(code.validFrom() == null ? "" : code.validFrom().toString())
                        .setValidUntil(code.validUntil() == null ? "" : code.validUntil().toString()));
            }
            catalog.addDimensions(definition);
        }
        for (Constraint constraint : NationalCatalog.constraints()) {
            catalog.addConstraints(ConstraintDefinition.newBuilder()
                    .setKind(ConstraintKind.forNumber(constraint.kind().ordinal() + 1))
                    .setSmaller(constraint.smaller()).setLarger(constraint.larger())
                    .setOver(constraint.over() == null ? "" : constraint.over()).setLabelVi(constraint.labelVi()));
        }
        return catalog.build();
    }
}
