package vn.congvu.proto;

import vn.congvu.api.Geography;
import vn.congvu.api.Merger;
import vn.congvu.api.ProvincialUnit;
import vn.congvu.api.UnitKind;
import vn.congvu.federation.v1.ProvincialMerger;
import vn.congvu.federation.v1.ProvincialUnitKind;
import vn.congvu.federation.v1.ProvincialUnitVersion;
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
        for (ProvincialUnit unit : Geography.official().versions()) {
            catalog.addProvincialUnits(ProvincialUnitVersion.newBuilder().setCode(unit.code()).setName(unit.name())
                    .setKind(unit.kind() == UnitKind.TINH ? ProvincialUnitKind.PROVINCIAL_UNIT_KIND_TINH
                            : ProvincialUnitKind.PROVINCIAL_UNIT_KIND_THANH_PHO)
                    .setValidFrom(unit.validFrom() == null ? "" : unit.validFrom().toString())
                    .setValidTo(unit.validTo() == null ? "" : unit.validTo().toString()).setAct(unit.act()));
        }
        for (Merger merger : Geography.official().mergers()) {
            catalog.addProvincialMergers(ProvincialMerger.newBuilder().setPredecessor(merger.predecessor())
                    .setSuccessor(merger.successor()).setEffective(merger.effective().toString()).setAct(merger.act()));
        }
        return catalog.build();
    }
}
