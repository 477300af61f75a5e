package cn.rescueforce.assessment.support;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * TEMPORARY stand-ins, for the tests of branch wip/evidence only: the change feed fails every audited change of an
 * entity type without a ChangeSource, and assessment-api's own sources (Standard, Assessment, Evaluation,
 * OutboxMessage) are written on another branch. Delete this file when merging that branch: two sources for one
 * entity type fail the start ("two change sources for ...").
 */
final class PendingChangeSources {

    private PendingChangeSources() {
    }

    abstract static class StandIn implements ChangeSource {
        private final String entityType;
        private final String prefix;

        StandIn(String entityType, String prefix) {
            this.entityType = entityType;
            this.prefix = prefix;
        }

        @Override
        public String entityType() {
            return entityType;
        }

        @Override
        public List<String> eventTypes() {
            return List.of();
        }

        @Override
        public String eventType(String action) {
            return prefix + "." + action.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        @Override
        public Representation represent(UUID id) {
            return Representation.of(Map.of("id", id.toString()), null, Audience.national());
        }
    }

    @ApplicationScoped
    static class Standards extends StandIn {
        Standards() {
            super("Standard", "standard");
        }
    }

    @ApplicationScoped
    static class Assessments extends StandIn {
        Assessments() {
            super("Assessment", "assessment");
        }
    }

    @ApplicationScoped
    static class Evaluations extends StandIn {
        Evaluations() {
            super("Evaluation", "evaluation");
        }
    }

    @ApplicationScoped
    static class OutboxMessages extends StandIn {
        OutboxMessages() {
            super("OutboxMessage", "outbox-message");
        }
    }
}
