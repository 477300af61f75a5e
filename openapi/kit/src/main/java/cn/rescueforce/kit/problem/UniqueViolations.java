package cn.rescueforce.kit.problem;

import java.util.Optional;

/**
 * What a service answers when a unique constraint of its database refuses a write that a concurrent request won:
 * the same problem the service raises when its own check sees the existing record first (a duplicate team code is
 * {@code team-code-taken} either way, never the generic {@code conflict}). A service implements it as a CDI bean,
 * naming its constraints; {@link ProblemMappers} asks every such bean before falling back to {@code conflict}.
 */
public interface UniqueViolations {

    /** The problem for a violation of the named constraint (as PostgreSQL names it), if this service knows it. */
    Optional<ProblemException> problemFor(String constraintName);
}
