package org.infraadvisor.channels.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;

/** Browsers ask for /favicon.ico on every document that names no icon (reports, JSON); point them at the SVG icon. */
@Controller
@Hidden
public class FaviconController {

    @Get("/favicon.ico")
    public HttpResponse<?> favicon() {
        return HttpResponse.permanentRedirect(URI.create("favicon.svg"));
    }
}
