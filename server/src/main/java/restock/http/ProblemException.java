package restock.http;

import java.util.Map;

/** Ends a request with a problem answer; thrown by the HTTP shell only (the domain has its own exceptions). */
final class ProblemException extends RuntimeException {
    private final Problem problem;
    private final transient Map<String, String> headers;

    ProblemException(int status, String title, String detail, String field) {
        this(status, title, detail, field, Map.of());
    }

    /** With response headers the status needs: WWW-Authenticate on a 401, Retry-After on a 429. */
    ProblemException(int status, String title, String detail, String field, Map<String, String> headers) {
        super(detail);
        this.problem = Problem.of(status, title, detail, field);
        this.headers = Map.copyOf(headers);
    }

    Problem problem() {
        return problem;
    }

    Map<String, String> headers() {
        return headers;
    }
}
