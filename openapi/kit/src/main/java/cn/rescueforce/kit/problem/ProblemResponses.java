package cn.rescueforce.kit.problem;

import jakarta.ws.rs.core.Response;

import java.util.List;

/** Builds problem+json responses; the one place their shape is decided. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(int status, String type, String title, String detail, String instance, List<Problem.FieldError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(type, title, status, detail, instance, errors))
                .build();
    }

    public static Response of(ProblemException problem, String instance) {
        return of(problem.status(), problem.type(), problem.title(), problem.getMessage(), instance, problem.errors());
    }

    public static Response invalid(List<Problem.FieldError> errors, String instance) {
        return of(ProblemException.invalid(errors), instance);
    }
}
