package cn.rescueforce.assessment.standard;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.problem.UniqueViolations;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The standards' unique constraints (V1 and V4 migrations), found at commit when a concurrent request won: the same problems
 * {@link StandardService} raises when it sees the other record first.
 */
@ApplicationScoped
public class StandardUniqueViolations implements UniqueViolations {

    @Override
    public Optional<ProblemException> problemFor(String constraintName) {
        return switch (constraintName) {
            // two drafts of one code at once: both took the next version number, or the second took the one after
            case "standard_code_version_unique", "standard_one_draft_per_code" -> Optional.of(Standard.draftExists(
                    Text.of("The standard already has a draft version (drafted concurrently); edit it or publish it first")));
            // a code has at most one published version: another publication of the code won
            case "standard_one_published_per_code" -> Optional.of(ProblemException.invalidTransition(
                    Text.of("Another version of this standard was published concurrently; only a DRAFT standard can be published")));
            default -> Optional.empty();
        };
    }
}
