package org.infraadvisor.limits;

/** What the abuse limits report to operations: a request refused by one of them. */
public interface LimitMetrics {

    /** A request refused by an abuse limit ({@code rate} or {@code conversations}). */
    void limited(String limit);
}
