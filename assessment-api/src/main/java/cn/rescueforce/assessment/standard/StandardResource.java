package cn.rescueforce.assessment.standard;

import cn.rescueforce.assessment.api.StandardsApi;
import cn.rescueforce.assessment.api.model.GradeThresholds;
import cn.rescueforce.assessment.api.model.Indicator;
import cn.rescueforce.assessment.api.model.IndicatorSource;
import cn.rescueforce.assessment.api.model.Section;
import cn.rescueforce.assessment.api.model.StandardInput;
import cn.rescueforce.assessment.api.model.StandardPage;
import cn.rescueforce.assessment.api.model.StandardStatus;
import cn.rescueforce.assessment.api.model.TeamCategory;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentCreation;
import cn.rescueforce.kit.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class StandardResource implements StandardsApi {

    @Inject
    StandardService service;

    @Inject
    IdempotentCreation idempotency;

    @Override
    public Response createStandard(StandardInput input, String idempotencyKey) {
        return idempotency.create(idempotencyKey, input, () -> {
            Standard standard = service.draft(input);
            return ETags.created(URI.create("/api/v1/standards/" + standard.id), toApi(standard, true), standard.version);
        });
    }

    @Override
    public Response getStandard(UUID standardId, String ifNoneMatch) {
        Standard standard = service.get(standardId);
        return ETags.read(ifNoneMatch, standard.version, () -> toApi(standard, true));
    }

    @Override
    public Response listStandards(Integer page, Integer size, String sort, TeamCategory category, StandardStatus status, String code) {
        PageRequest request = PageRequest.of(page, size, sort, StandardService.SORTABLE, StandardService.defaultSort());
        PanacheQuery<Standard> found = service.list(category, status, code, request);
        return Response.ok(new StandardPage(found.list().stream().map(s -> toApi(s, false)).toList(),
                request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response updateStandard(UUID standardId, StandardInput input, String ifMatch) {
        Standard standard = service.update(standardId, ifMatch, input);
        return ETags.ok(toApi(standard, true), standard.version);
    }

    @Override
    public Response publishStandard(UUID standardId) {
        Standard standard = service.publish(standardId);
        return ETags.ok(toApi(standard, true), standard.version);
    }

    @Override
    public Response retireStandard(UUID standardId) {
        Standard standard = service.retire(standardId);
        return ETags.ok(toApi(standard, true), standard.version);
    }

    static cn.rescueforce.assessment.api.model.Standard toApi(Standard standard, boolean withSections) {
        List<Section> sections = !withSections ? List.of() : standard.sections.stream().map(s -> new Section()
                .code(s.code).title(s.title)
                .indicators(s.indicators.stream().map(i -> new Indicator()
                        .code(i.code).title(i.title).maxScore(i.maxScore).veto(i.veto).evidenceRequired(i.evidenceRequired)
                        .source(IndicatorSource.fromValue(i.source)).guidance(i.guidance)).toList())).toList();
        return new cn.rescueforce.assessment.api.model.Standard()
                .id(standard.id)
                .code(standard.code)
                .standardVersion(standard.standardVersion)
                .title(standard.title)
                .category(TeamCategory.fromValue(standard.category))
                .status(StandardStatus.fromValue(standard.status.name()))
                .sections(sections)
                .thresholds(new GradeThresholds().grade1(standard.grade1Min).grade2(standard.grade2Min).grade3(standard.grade3Min))
                .validityMonths(standard.validityMonths)
                .maxTotal(standard.maxTotal)
                .publishedAt(standard.publishedAt == null ? null : standard.publishedAt.atOffset(ZoneOffset.UTC))
                .retiredAt(standard.retiredAt == null ? null : standard.retiredAt.atOffset(ZoneOffset.UTC))
                .createdAt(standard.createdAt.atOffset(ZoneOffset.UTC))
                .updatedAt(standard.updatedAt.atOffset(ZoneOffset.UTC))
                .version(standard.version);
    }
}
