package cn.rescueforce.kit.security;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The {@link Caller} of the current request; a request without an accepted token has none (401). Work done later on
 * a caller's behalf (a bulk import's rows, cn.rescueforce.kit.bulk) runs in a request context of its own that acts
 * as the caller who asked for it, so the same scope rules and the same audit actor apply.
 */
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityIdentity identity;

    private Caller actingAs;

    public Caller get() {
        if (actingAs != null) {
            return actingAs;
        }
        Caller caller = identity.isAnonymous() ? null : identity.getAttribute(LevelClaimsCheck.CALLER_ATTRIBUTE);
        if (caller == null) {
            throw new UnauthorizedException();
        }
        return caller;
    }

    /** For work outside an HTTP request only: this request context acts as {@code caller}. */
    public void actAs(Caller caller) {
        this.actingAs = caller;
    }
}
