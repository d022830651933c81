package org.infraadvisor.http;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Conversations, their reports (also by share link), evaluations and admin listings carry a person's answers: no
 * browser, proxy or CDN may keep a copy ({@code Cache-Control: no-store}), whatever the status.
 */
@ServerFilter({"/api/conversations", "/api/conversations/**", "/api/shared/**", "/api/evaluate", "/admin", "/admin/**"})
public class NoStoreFilter {

    @ResponseFilter
    public void noStore(MutableHttpResponse<?> response) {
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
