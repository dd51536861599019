package restock.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail: what went wrong, what to do, and the offending field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {
    static Problem of(int status, String title, String detail, String field) {
        return new Problem("about:blank", title, status, detail, field);
    }
}
