package org.infraadvisor.http;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.infraadvisor.reload.RulesReloader;
import org.infraadvisor.reload.RulesWatcher;
import org.infraadvisor.openapi.AdminOperations;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.RuleSetHolder;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which rules are serving, and reloading them on demand. Guarded by the admin token filter. */
@Controller("/admin/rules")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "admin")
@AdminOperations
public class RulesAdminController {

    private final RuleSetHolder holder;
    private final RulesReloader reloader;
    private final BeanProvider<RulesWatcher> watcher;

    public RulesAdminController(RuleSetHolder holder, RulesReloader reloader, BeanProvider<RulesWatcher> watcher) {
        this.holder = holder;
        this.reloader = reloader;
        this.watcher = watcher;
    }

    /**
     * @param lastReload  the last reload that was accepted (which may have found nothing changed)
     * @param lastRefused the last reload that was refused, with the report saying why
     */
    @Serdeable
    public record RulesStatus(String version, Instant loadedAt, int rules, List<String> flows, String rulesDir,
                              String conversationsDir, boolean watching,
                              @Nullable @Schema(type = "object") RulesReloader.Attempt lastReload, @Nullable @Schema(type = "object") RulesReloader.Attempt lastRefused) {
    }

    @Get
    @Operation(summary = "The serving rules", description = "Version, when it was loaded, and the last refused reload with its report.")
    public RulesStatus status() {
        RuleSet current = holder.current();
        return new RulesStatus(current.version(), current.loadedAt(), current.rules().size(),
                current.flows().keySet().stream().sorted().toList(), holder.rulesDir().toString(),
                holder.conversationsDir().toString(), watcher.isPresent(), reloader.lastAccepted(), reloader.lastRefused());
    }

    @Post("/reload")
    @Operation(summary = "Reload rules and conversations",
            description = "Always compiles the folders (never from the compiled-rules cache) and runs the scenarios; if all is well the "
                    + "freshly compiled rules replace the serving ones, even when the files did not change; else 422 with the verify report.")
    public HttpResponse<?> reload(HttpRequest<?> request) {
        RulesReloader.Attempt attempt = reloader.reload("POST /admin/rules/reload", true);
        if (attempt.accepted()) {
            return HttpResponse.ok(attempt);
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.UNPROCESSABLE_ENTITY.getReason());
        problem.put("status", HttpStatus.UNPROCESSABLE_ENTITY.getCode());
        problem.put("detail", RulesReloader.detail(attempt.report(), attempt.servingVersion()));
        problem.put("instance", request.getPath());
        problem.put("servingVersion", attempt.servingVersion());
        problem.put("report", attempt.report());
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.of(ProblemJsonBodyProvider.PROBLEM_JSON)).body(problem);
    }
}
