/**
 * The arithmetic of the knowledge base: model memory, serving and training fleets, owned cost, cloud prices per
 * provider and commitment, break-even and ranking. Rules in {@code rules/} call it from short consequences; every
 * formula here is pinned by unit tests to hand-worked published figures (docs/sources.md). Core layer: no HTTP.
 */
package org.infraadvisor.knowledge;
