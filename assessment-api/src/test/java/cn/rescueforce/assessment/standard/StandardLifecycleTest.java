package cn.rescueforce.assessment.standard;

import cn.rescueforce.assessment.api.model.TeamCategory;
import cn.rescueforce.assessment.support.StandardExamples;
import cn.rescueforce.kit.problem.Problem.FieldError;
import cn.rescueforce.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static cn.rescueforce.kit.problem.Problem.TYPE_BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A standard version's transitions: DRAFT → PUBLISHED → RETIRED, and nothing else. */
class StandardLifecycleTest {

    private static final Instant LATER = StandardExamples.DRAFTED.plusSeconds(86_400);

    @Test
    void aDraftTakesItsContentAndTotal() {
        Standard draft = StandardExamples.draft();
        assertEquals(Standard.Status.DRAFT, draft.status);
        assertNotNull(draft.id);
        assertEquals(45.0, draft.maxTotal);
        assertEquals(40.0, draft.grade1Min);
        assertEquals(24, draft.validityMonths);
        assertEquals(StandardExamples.DRAFTED, draft.createdAt);
        assertEquals(StandardExamples.DRAFTED, draft.updatedAt);
    }

    @Test
    void aDraftIsRevisedButKeepsItsCodeAndCategory() {
        Standard draft = StandardExamples.draft();
        draft.revise("MINE-RESCUE", TeamCategory.MINING, StandardExamples.content(44, 36, 31), LATER);
        assertEquals(44.0, draft.grade1Min);
        assertEquals(LATER, draft.updatedAt);

        ProblemException fixed = assertThrows(ProblemException.class,
                () -> draft.revise("TUNNEL-RESCUE", TeamCategory.OIL_GAS, StandardExamples.miningContent(), LATER));
        assertEquals(400, fixed.status());
        assertEquals(java.util.List.of("code", "category"), fixed.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void aRevisionIsCheckedLikeADraft() {
        Standard draft = StandardExamples.draft();
        ProblemException invalid = assertThrows(ProblemException.class,
                () -> draft.revise("MINE-RESCUE", TeamCategory.MINING, StandardExamples.content(30, 35, 40), LATER));
        assertEquals(TYPE_BASE + "validation", invalid.type());
        assertEquals(40.0, draft.grade1Min);
    }

    @Test
    void aPublishedVersionNeverChanges() {
        Standard published = StandardExamples.published();
        ProblemException refused = assertThrows(ProblemException.class,
                () -> published.revise("MINE-RESCUE", TeamCategory.MINING, StandardExamples.miningContent(), LATER));
        assertEquals(409, refused.status());
        assertEquals(TYPE_BASE + "standard-version-fixed", refused.type());
        assertEquals("Standard MINE-RESCUE version 2 is PUBLISHED and never changes; draft the next version instead", refused.getMessage());
    }

    @Test
    void onlyADraftIsPublished() {
        Standard standard = StandardExamples.draft();
        standard.publish(LATER);
        assertEquals(Standard.Status.PUBLISHED, standard.status);
        assertEquals(LATER, standard.publishedAt);
        ProblemException again = assertThrows(ProblemException.class, () -> standard.publish(LATER));
        assertEquals(TYPE_BASE + "invalid-transition", again.type());
        assertEquals("Only a DRAFT standard can be published; this one is PUBLISHED", again.getMessage());
    }

    @Test
    void onlyAPublishedVersionIsRetired() {
        Standard draft = StandardExamples.draft();
        ProblemException refused = assertThrows(ProblemException.class, () -> draft.retire(LATER));
        assertEquals(TYPE_BASE + "invalid-transition", refused.type());
        assertEquals(Standard.Status.DRAFT, draft.status);

        Standard published = StandardExamples.published();
        published.retire(LATER);
        assertEquals(Standard.Status.RETIRED, published.status);
        assertEquals(LATER, published.retiredAt);
        assertThrows(ProblemException.class, () -> published.retire(LATER));
        assertThrows(ProblemException.class, published::assertMayBePublished);
    }

    @Test
    void assessmentsAreScheduledAgainstAPublishedVersionOfTheTeamsCategory() {
        StandardExamples.published().assertYardstickFor(TeamCategory.MINING);

        ProblemException draft = assertThrows(ProblemException.class,
                () -> StandardExamples.draft().assertYardstickFor(TeamCategory.MINING));
        assertEquals(TYPE_BASE + "standard-not-published", draft.type());

        ProblemException otherCategory = assertThrows(ProblemException.class,
                () -> StandardExamples.published().assertYardstickFor(TeamCategory.HAZARDOUS_CHEMICALS));
        assertEquals("standardId", otherCategory.errors().get(0).field());
        assertTrue(otherCategory.getMessage().contains("is for MINING, the team is HAZARDOUS_CHEMICALS"));
    }

    @Test
    void indicatorsAreFoundInTheStandardsOrder() {
        Standard standard = StandardExamples.published();
        assertEquals(0, standard.positionOf("MR-MGT-1"));
        assertEquals(3, standard.positionOf("MR-TEC-1"));
        assertEquals(Integer.MAX_VALUE, standard.positionOf("XX-1"));
        assertEquals("EQP", standard.sectionOf("MR-EQP-1"));
        assertEquals("MR-EQP-1", standard.equipmentIndicator().orElseThrow().code);
    }
}
