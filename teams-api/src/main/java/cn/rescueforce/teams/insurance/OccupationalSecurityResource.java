package cn.rescueforce.teams.insurance;

import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentRequests;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.teams.api.OccupationalSecurityApi;
import cn.rescueforce.teams.api.model.DutyInjuryInput;
import cn.rescueforce.teams.api.model.DutyInjuryPage;
import cn.rescueforce.teams.api.model.InsurancePolicyInput;
import cn.rescueforce.teams.api.model.InsurancePolicyPage;
import cn.rescueforce.teams.api.model.InsurancePolicyUpdate;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class OccupationalSecurityResource implements OccupationalSecurityApi {

    @Inject
    OccupationalSecurityService service;

    @Inject
    OccupationalSecurityMapper mapper;

    @Inject
    IdempotentRequests idempotency;

    @Override
    public Response recordInsurancePolicy(UUID memberId, InsurancePolicyInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            InsurancePolicy policy = service.recordPolicy(memberId, input.getKind(), OccupationalSecurityMapper.terms(input));
            return ETags.created(URI.create("/api/v1/insurance-policies/" + policy.id), mapper.toApi(policy), policy.version);
        });
    }

    @Override
    public Response listInsurancePolicies(UUID memberId, Integer page, Integer size, LocalDate validOn) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), OccupationalSecurityService.policySort());
        PanacheQuery<InsurancePolicy> found = service.policies(memberId, validOn, request);
        return Response.ok(new InsurancePolicyPage(found.list().stream().map(mapper::toApi).toList(),
                request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response getInsurancePolicy(UUID policyId, String ifNoneMatch) {
        InsurancePolicy policy = service.policy(policyId);
        return ETags.read(ifNoneMatch, policy.version, () -> mapper.toApi(policy));
    }

    @Override
    public Response updateInsurancePolicy(UUID policyId, InsurancePolicyUpdate update, String ifMatch) {
        InsurancePolicy policy = service.updatePolicy(policyId, ifMatch, OccupationalSecurityMapper.terms(update));
        return ETags.ok(mapper.toApi(policy), policy.version);
    }

    @Override
    public Response listUninsuredMembers(UUID teamId, LocalDate asOf) {
        return Response.ok(OccupationalSecurityMapper.toApi(service.uninsured(teamId, asOf))).build();
    }

    @Override
    public Response recordDutyInjury(UUID memberId, DutyInjuryInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            DutyInjury injury = service.recordInjury(memberId, input);
            return ETags.created(URI.create("/api/v1/members/" + memberId + "/duty-injuries"), OccupationalSecurityMapper.toApi(injury),
                    injury.version);
        });
    }

    @Override
    public Response listDutyInjuries(UUID memberId, Integer page, Integer size) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), OccupationalSecurityService.injurySort());
        PanacheQuery<DutyInjury> found = service.injuries(memberId, request);
        return Response.ok(new DutyInjuryPage(found.list().stream().map(OccupationalSecurityMapper::toApi).toList(),
                request.page(), request.size(), found.count())).build();
    }
}
