package org.newsroom.gateway.problem;

import org.springframework.http.HttpHeaders;

/** Ends a request with a problem answer the gateway decided on, plus any headers it needs. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    private final HttpHeaders headers;

    public ProblemException(Problem problem, HttpHeaders headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = headers;
    }

    public ProblemException(Problem problem) {
        this(problem, new HttpHeaders());
    }

    public Problem problem() {
        return problem;
    }

    public HttpHeaders headers() {
        return headers;
    }
}
