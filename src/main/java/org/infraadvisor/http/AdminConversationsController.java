package org.infraadvisor.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.infraadvisor.openapi.AdminOperations;
import org.infraadvisor.store.ConversationRecord;
import org.infraadvisor.store.ConversationRepository;
import org.infraadvisor.store.ShareRepository;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Lists conversations for administrators (behind {@link AdminTokenFilter}); the only place that enumerates them. */
@Controller("/admin/conversations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "admin")
@AdminOperations
public class AdminConversationsController {

    static final int MAX_SIZE = 500;

    private final ConversationRepository conversations;
    private final ShareRepository shares;

    public AdminConversationsController(ConversationRepository conversations, ShareRepository shares) {
        this.conversations = conversations;
        this.shares = shares;
    }

    @Serdeable
    public record ConversationPage(List<ConversationSummary> items, int page, int size, long total) {
    }

    @Get
    @Operation(summary = "List conversations (metadata only), most recently updated first",
            description = "Needs the admin bearer token. Query: page (from 0), size (1.." + MAX_SIZE + ").")
    public ConversationPage list(@QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size,
                                 @Nullable @QueryValue String status) {
        if (page < 0) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "'page' must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "'size' must be between 1 and %d, was %d".formatted(MAX_SIZE, size));
        }
        Pageable pageable = Pageable.from(page, size, Sort.of(Sort.Order.desc("updatedAt"), Sort.Order.asc("id")));
        Page<ConversationRecord> found = status == null || status.isBlank()
                ? conversations.findAll(pageable)
                : conversations.findByStatus(status, pageable);
        List<ConversationRecord> content = found.getContent();
        Set<String> shared = content.isEmpty() ? Set.of()
                : new HashSet<>(shares.findConversationIdByConversationIdIn(content.stream().map(ConversationRecord::id).toList()));
        return new ConversationPage(content.stream().map(c -> ConversationSummary.of(c, shared.contains(c.id()))).toList(),
                page, size, found.getTotalSize());
    }
}
