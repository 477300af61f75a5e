package cn.rescueforce.equipment.configuration;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.equipment.api.model.StandardConfigurationInput;
import cn.rescueforce.equipment.api.model.StandardConfigurationLineInput;
import cn.rescueforce.equipment.api.model.TeamCategory;
import cn.rescueforce.equipment.catalog.EquipmentType;
import cn.rescueforce.equipment.catalog.EquipmentTypeRepository;
import cn.rescueforce.equipment.security.Scope;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.Problem;
import cn.rescueforce.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static cn.rescueforce.kit.security.ManagementLevel.NATIONAL;

/**
 * Standard configurations per team category, with lines a specialty adds: national publishes versions, every level
 * reads them.
 */
@ApplicationScoped
public class StandardConfigurationService {

    @Inject
    StandardConfigurationRepository configurations;

    @Inject
    EquipmentTypeRepository types;

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    @Transactional
    public StandardConfiguration publish(StandardConfigurationInput input) {
        scope.requireLevel(NATIONAL, Text.of("publish standard configurations"));
        Map<String, EquipmentType> byCode = types.findByCodes(input.getLines().stream()
                        .map(StandardConfigurationLineInput::getEquipmentTypeCode).toList())
                .stream().collect(Collectors.toMap(t -> t.code, Function.identity()));
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.getLines().size(); i++) {
            String code = input.getLines().get(i).getEquipmentTypeCode();
            if (!byCode.containsKey(code)) {
                errors.add(new Problem.FieldError("lines[" + i + "].equipmentTypeCode", Text.of("unknown equipment type {0}", code)));
            } else if (!seen.add(code + "/" + input.getLines().get(i).getSpecialty())) {
                errors.add(new Problem.FieldError("lines[" + i + "].equipmentTypeCode", input.getLines().get(i).getSpecialty() == null
                        ? Text.of("equipment type {0} is listed twice", code)
                        : Text.of("equipment type {0} is listed twice for {1}", code, input.getLines().get(i).getSpecialty())));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        // one publication of a category at a time, so versions stay 1, 2, 3 … (the unique key is the backstop)
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('standard_configuration:' || ?1))")
                .setParameter(1, input.getCategory().name()).getSingleResult();
        StandardConfiguration configuration = StandardConfiguration.publish(input.getCategory(),
                configurations.highestVersion(input.getCategory()) + 1, input.getTitle(),
                input.getLines().stream().map(line -> new StandardConfiguration.Line(byCode.get(line.getEquipmentTypeCode()).id,
                        line.getMinimumQuantity(), line.getSpecialty() == null ? null : line.getSpecialty().toString())).toList(),
                scope.caller().sub(), Instant.now());
        configurations.persist(configuration);
        audit.record("StandardConfiguration", configuration.id, "PUBLISHED", null, List.of("category", "version", "title", "lines"));
        return configuration;
    }

    public StandardConfiguration get(UUID id) {
        StandardConfiguration configuration = configurations.findById(id);
        if (configuration == null) {
            throw ProblemException.notFound(Text.of("standard configuration"), id);
        }
        return configuration;
    }

    public Optional<StandardConfiguration> current(TeamCategory category) {
        return configurations.current(category);
    }

    public boolean isCurrent(StandardConfiguration configuration) {
        return configurations.isCurrent(configuration);
    }

    public PanacheQuery<StandardConfiguration> list(TeamCategory category, boolean currentOnly, PageRequest page) {
        return configurations.search(category, currentOnly).page(page.panachePage());
    }

    /** Catalog types by id, for the lines of the given configurations. */
    public Map<UUID, EquipmentType> typesOf(List<StandardConfiguration> list) {
        Set<UUID> ids = list.stream().flatMap(c -> c.lines.stream()).map(l -> l.equipmentTypeId).collect(Collectors.toSet());
        return types.withIds(ids).stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
    }
}
