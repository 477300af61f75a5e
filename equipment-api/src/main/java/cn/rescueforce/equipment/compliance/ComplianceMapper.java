package cn.rescueforce.equipment.compliance;

import cn.rescueforce.equipment.api.model.ComplianceLine;
import cn.rescueforce.equipment.api.model.ComplianceReport;
import cn.rescueforce.equipment.api.model.OverdueInspection;
import cn.rescueforce.equipment.api.model.OverdueInspections;
import cn.rescueforce.equipment.api.model.Specialty;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** A compliance measurement as the contract's report, generated at {@code at}. */
@ApplicationScoped
public class ComplianceMapper {

    public ComplianceReport toApi(Compliance compliance, Instant at) {
        List<ComplianceLine> lines = compliance.lines().stream()
                .map(line -> new ComplianceLine(line.type().code, line.type().name, line.required(), line.inService(), line.gap())
                        .group(line.type().group).unit(line.type().unit)
                        .requiredBySpecialties(line.bySpecialties().stream().map(Specialty::fromValue).toList()))
                .toList();
        List<OverdueInspection> overdue = compliance.overdue().stream()
                .map(late -> new OverdueInspection(late.item().id, late.type().code, late.type().name,
                        late.item().serialNumber, late.item().nextInspectionDue, late.item().daysOverdue(compliance.today()))
                        .status(late.item().status))
                .toList();
        return new ComplianceReport(compliance.team().id(), compliance.team().category(), compliance.configuration().id,
                compliance.configuration().version, lines, compliance.requiredTotal(), compliance.coveredTotal(), compliance.gapTotal(),
                new OverdueInspections(overdue.size(), overdue), compliance.percent(), at.atOffset(ZoneOffset.UTC))
                .teamName(compliance.team().name())
                .specialties(compliance.team().specialties().stream().map(Specialty::fromValue).toList())
                .province(compliance.team().province())
                .compliant(compliance.compliant());
    }
}
