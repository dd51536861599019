package restock.http;

/** Ends a request with a problem answer; thrown by the HTTP shell only (the domain has its own exceptions). */
final class ProblemException extends RuntimeException {
    private final Problem problem;

    ProblemException(int status, String title, String detail, String field) {
        super(detail);
        this.problem = Problem.of(status, title, detail, field);
    }

    Problem problem() {
        return problem;
    }
}
