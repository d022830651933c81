/**
 * What the API document (OpenAPI, generated at compile time) says beyond the controllers' own annotations: the problem
 * document, and the security and error responses every public or admin controller shares. Depends on nothing else of
 * the service, so any adapter may use it. How to keep the document lint-clean: docs/api.md.
 */
package org.infraadvisor.openapi;
