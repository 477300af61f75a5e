package cn.rescueforce.kit.client;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.logging.SecretRedaction;
import cn.rescueforce.kit.problem.ProblemException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Another service of the suite, called through the client generated from its contract, and what its answers
 * mean to our caller. A call that does not succeed is a 503 problem ({@code dependency-unavailable}) naming the
 * service, unless the caller gave that answer a meaning of its own: teams-api's 404 means the team is not
 * visible, which the caller turns into its own 404 ({@code ProblemException.notFound(Text.of("team"), id)}).
 * <p>
 * Whatever else went wrong is the other service's outage to our caller, and is logged here for the operator:
 * a 5xx, a 401 or 403 (our service account was refused: never a meaning the caller may override), a timeout
 * ({@code quarkus.rest-client.<name>.read-timeout}), a refused connection, a token endpoint that is down. The
 * log line never carries a token or a secret.
 * <pre>
 *   private static final OtherService TEAMS_API = OtherService.named("teams-api");
 *   Team team = TEAMS_API.call(() -> teams.getTeam(id, null), Map.of(404, () -> ProblemException.notFound(Text.of("team"), id)));
 * </pre>
 */
public final class OtherService {

    private static final Logger LOG = Logger.getLogger(OtherService.class);
    /**
     * A bearer or basic credential, a form or JSON secret; tokens themselves are found by the log filter's
     * {@link SecretRedaction#redact}, since what {@link #attempt} reports is also stored, not only logged.
     */
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?i)(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+|((?:client_)?secret|password|access_token|refresh_token|assertion)(\"?\\s*[=:]\\s*\"?)[^&\\s\",}]+");

    /** One call of a generated client; its methods declare their checked {@code ApiException}, which never comes here. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws Exception;
    }

    private final String name;

    private OtherService(String name) {
        this.name = name;
    }

    /** @param name the service as operators and callers know it, the client's configuration key: {@code teams-api} */
    public static OtherService named(String name) {
        return new OtherService(name);
    }

    public String name() {
        return name;
    }

    /** The answer; anything but a success is a 503 problem naming this service. */
    public <T> T call(Call<T> call) {
        return call(call, Map.of());
    }

    /**
     * The answer; an error status found in {@code meanings} becomes the problem the caller says it means
     * (401 and 403 excepted), anything else that is not a success a 503 problem naming this service.
     */
    public <T> T call(Call<T> call, Map<Integer, Supplier<ProblemException>> meanings) {
        try {
            return call.call();
        } catch (Exception e) {
            throw translate(e, meanings);
        }
    }

    /**
     * For work no caller waits for (an outbox delivery): the answer, or a {@link CallFailed} that says what went
     * wrong (the status, the timeout, the refused connection) without any credential, for the next attempt's record,
     * and carries the error answer (status, problem type and title) when the service gave one.
     */
    public <T> T attempt(Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new CallFailed(name + ": " + describe(e), answerIn(e));
        }
    }

    /** This service cannot be used now: the problem our caller receives (503), for reasons the caller finds itself. */
    public ProblemException unavailable() {
        return ProblemException.unavailable(Text.of("{0} cannot be reached or did not answer in time; retry later", name));
    }

    ProblemException translate(Throwable failure, Map<Integer, Supplier<ProblemException>> meanings) {
        ErrorAnswer answer = answerIn(failure);
        if (answer != null && answer.status() != 401 && answer.status() != 403 && meanings.containsKey(answer.status())) {
            return meanings.get(answer.status()).get();
        }
        LOG.warnf("%s could not be used: %s", name, describe(failure));
        return unavailable();
    }

    private static ErrorAnswer answerIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ErrorAnswer answer) {
                return answer;
            }
        }
        return null;
    }

    /** Each exception of the chain, outermost first, without anything that could be a credential. */
    static String describe(Throwable failure) {
        List<String> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < 5; t = t.getCause() == t ? null : t.getCause()) {
            // a wrapper whose message is only its cause's toString() says nothing the cause will not say
            boolean saysMore = t.getMessage() != null && (t.getCause() == null || !t.getMessage().equals(t.getCause().toString()));
            chain.add(saysMore ? t.getClass().getSimpleName() + ": " + withoutCredentials(t.getMessage()) : t.getClass().getSimpleName());
        }
        return String.join(" <- ", chain);
    }

    static String withoutCredentials(String text) {
        String noTokens = SecretRedaction.redact(text);
        return CREDENTIAL.matcher(noTokens).replaceAll(m -> Matcher.quoteReplacement(m.group(1) != null
                ? m.group(1) + " [hidden]"
                : m.group(2) + m.group(3) + "[hidden]"));
    }
}
