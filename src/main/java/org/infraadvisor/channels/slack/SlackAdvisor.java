package org.infraadvisor.channels.slack;

import io.micronaut.context.annotation.Property;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.infraadvisor.conversation.Conversation;
import org.infraadvisor.conversation.ConversationNotFoundException;
import org.infraadvisor.conversation.ConversationService;
import org.infraadvisor.conversation.FlowNotFoundException;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.document.ConversationView.AnswerView;
import org.infraadvisor.document.ConversationView.QuestionView;
import org.infraadvisor.document.DocumentMapper;
import org.infraadvisor.dialogue.AnswerValues;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.dialogue.InvalidAnswerException;
import org.infraadvisor.engine.RuleSetHolder;
import org.infraadvisor.limits.ConversationCap;
import org.infraadvisor.limits.LimitMetrics;
import org.infraadvisor.ops.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * Carries Slack requests to the one {@link ConversationService} and shows the result in Slack: questions in
 * the user's thread, answered questions updated in place, the recommendation and its reasons. It only
 * translates; which question comes next and what is advised is decided by the service.
 */
@Singleton
public class SlackAdvisor {

    private static final Logger LOG = LoggerFactory.getLogger(SlackAdvisor.class);
    static final String NOT_YOURS = "These questions belong to another conversation. Type `/advisor` to start or continue your own.";
    private static final Set<String> TYPED_UNKNOWN = Set.of("unknown", "i don't know", "i dont know", "don't know", "dont know", "?");

    private final ConversationService conversations;
    private final DocumentMapper documents;
    private final RuleSetHolder rules;
    private final SlackLinkRepository links;
    private final SlackDeliveries deliveries;
    private final SlackWebApi slack;
    private final SlackSettings settings;
    private final Clock clock;
    private final PerUserQueue queue;
    private final ConversationCap cap;
    private final LimitMetrics metrics;
    private final String publicUrl;

    public SlackAdvisor(ConversationService conversations, DocumentMapper documents, RuleSetHolder rules, SlackLinkRepository links,
                        SlackDeliveries deliveries, SlackWebApi slack, SlackSettings settings, Clock clock,
                        @Named("slack") ExecutorService executor, ConversationCap cap, LimitMetrics metrics,
                        @Property(name = "advisor.public-url", defaultValue = "http://localhost:8080") String publicUrl) {
        this.conversations = conversations;
        this.documents = documents;
        this.rules = rules;
        this.links = links;
        this.deliveries = deliveries;
        this.slack = slack;
        this.settings = settings;
        this.clock = clock;
        this.queue = new PerUserQueue(executor);
        this.cap = cap;
        this.metrics = metrics;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The key that lets a question message take exactly one answer, whoever clicks how often. */
    static String answeredKey(String channelId, String messageTs) {
        return "answered:" + channelId + ":" + messageTs;
    }

    /**
     * The report's read-only share link, or null while the owner has sharing turned off. Never a link with the
     * conversation id: what the bot posts can be read by everyone in the channel.
     */
    String reportUrl(ConversationView conversation) {
        return conversation.shareToken() == null ? null : publicUrl + "/api/shared/" + conversation.shareToken() + "/report.html";
    }

    /** Runs Slack work after the request has been acknowledged (Slack wants an answer within 3 seconds). */
    void async(String what, SlackOrigin origin, Runnable job) {
        queue.execute(origin.teamId() + "|" + origin.channelId() + "|" + origin.userId(), () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                // exception messages may quote a conversation id or an answer: classes and frames only
                LOG.error("Slack {} for user {} in channel {} failed", what, LogSafe.printable(origin.userId()),
                        LogSafe.printable(origin.channelId()), LogSafe.withoutMessages(e));
                tell(origin, "Sorry, something went wrong (" + what + "). Please try again.");
            }
        });
    }

    void command(SlackOrigin origin, SlackCommand command) {
        switch (command.kind()) {
            case START -> start(origin, false);
            case RESTART -> start(origin, true);
            case CHANGE -> change(origin, command.argument());
            case HELP -> tell(origin, SlackCommand.HELP_TEXT);
            case UNKNOWN -> tell(origin, "I did not understand “%s”.\n%s".formatted(SlackText.limit(command.argument(), 80), SlackCommand.HELP_TEXT));
        }
    }

    /** Starts a conversation in a new thread (or the thread of the message that asked), or points to the one in progress. */
    void start(SlackOrigin origin, boolean restart) {
        Optional<SlackLink> existing = link(origin);
        if (!restart && existing.isPresent()) {
            Optional<ConversationView> current = find(existing.get().conversationId());
            if (current.isPresent() && ConversationView.ACTIVE.equals(current.get().status())) {
                ConversationView c = current.get();
                if (existing.get().questionTs() == null) {
                    next(existing.get(), c);
                }
                tell(origin, "You have a conversation in progress (%d of about %d questions answered); its questions are in its thread. "
                        .formatted(c.progress().answered(), c.progress().estimatedTotal())
                        + "Answer there, or type `/advisor restart` to start over.");
                return;
            }
        }
        // Slack starts count against the same hourly cap as starts over the API, per Slack user
        String client = "slack:" + origin.teamId() + ":" + origin.userId();
        OptionalLong wait = cap.tryStart(client);
        if (wait.isPresent()) {
            metrics.limited("conversations");
            tell(origin, "You have started %d conversations in the last hour, the most allowed; please try again in %s."
                    .formatted(cap.perHour(), minutes(wait.getAsLong())));
            return;
        }
        boolean started = false;
        try {
            started = start(origin, existing);
        } finally {
            if (!started) {
                cap.giveBack(client);
            }
        }
    }

    private boolean start(SlackOrigin origin, Optional<SlackLink> existing) {
        String threadTs = origin.threadTs();
        if (threadTs == null) {
            Flow flow = rules.current().flow(settings.flow()).orElseThrow();
            try {
                threadTs = slack.postMessage(origin.channelId(), null, "Infra Advisor: " + flow.title(),
                        QuestionMessage.intro(origin.userId(), flow.title()));
            } catch (SlackWebApi.SlackCallFailed e) {
                tell(origin, cannotPost(e));
                return false;
            }
        }
        ConversationView c = documents.view(conversations.start(settings.flow(), "slack"));
        SlackLink link;
        if (existing.isPresent()) {
            SlackLink old = existing.get();
            Optional<ConversationView> previous = find(old.conversationId());
            previous.ifPresent(p -> retireQuestion(old, p.flow(), "This conversation was restarted."));
            String oldReport = previous.map(this::reportUrl).orElse(null);
            retireRecommendation(old, "A new conversation was started; this one stays stored"
                    + (oldReport == null ? "." : ": <" + oldReport + "|report>."));
            link = links.update(old.restartedAs(c.id(), threadTs, clock.instant()));
        } else {
            link = links.save(new SlackLink(null, origin.teamId(), origin.channelId(), origin.userId(), c.id(), threadTs,
                    null, null, null, clock.instant()));
        }
        LOG.info("Slack user {} in channel {} started conversation {}", LogSafe.printable(origin.userId()),
                LogSafe.printable(origin.channelId()), LogSafe.conversationRef(c.id()));
        next(link, c);
        return true;
    }

    private static String minutes(long seconds) {
        long m = Math.max(1, (seconds + 59) / 60);
        return m == 1 ? "a minute" : m + " minutes";
    }

    /**
     * Records an answer given in Slack. The caller has claimed {@link #answeredKey} for the question message;
     * the claim is given back when the answer is not taken, so that the user can answer again.
     */
    void answer(SlackOrigin origin, BlockRef ref, String messageTs, JsonNode value) {
        turn(origin, ref, messageTs, id -> conversations.answer(id, ref.questionId(), value), "answer again")
                .ifPresent(t -> afterAnswer(t.link(), t.view(), ref.questionId(), messageTs));
    }

    /**
     * "Finish now" on a question: the advice for the answers so far, posted in the thread. The caller has claimed
     * {@link #answeredKey} for the question message; it is given back when the conversation is not finished.
     */
    void finish(SlackOrigin origin, BlockRef ref, String messageTs) {
        turn(origin, ref, messageTs, conversations::finish, "try again").ifPresent(t -> {
            String text = question(t.view().flow(), ref.questionId()).map(QuestionView::text).orElse(ref.questionId());
            slack.update(origin.channelId(), messageTs, text, QuestionMessage.leftOpen(ref.conversationRef(), ref.questionId(), text));
            next(t.link(), t.view());
        });
    }

    private record Turn(SlackLink link, ConversationView view) {
    }

    /**
     * A turn of the user's own conversation from a click on one of its question messages; the message's claim is given
     * back, and the user told why, when the turn is not taken.
     */
    private Optional<Turn> turn(SlackOrigin origin, BlockRef ref, String messageTs, Function<String, Conversation> action, String retry) {
        String claim = answeredKey(origin.channelId(), messageTs);
        Optional<SlackLink> link = ownedLink(origin, ref.conversationRef());
        if (link.isEmpty()) {
            deliveries.release(claim);
            tell(origin, NOT_YOURS);
            return Optional.empty();
        }
        try {
            return Optional.of(new Turn(link.get(), documents.view(action.apply(link.get().conversationId()))));
        } catch (InvalidAnswerException e) {
            deliveries.release(claim);
            tell(origin, "That answer was not taken: " + e.getMessage());
        } catch (OptimisticLockException e) {
            deliveries.release(claim);
            tell(origin, "Your conversation changed at the same moment; please " + retry + ".");
        }
        return Optional.empty();
    }

    /** A modal's answer, taken while Slack waits so that a refusal shows in the modal; the thread is updated afterwards. */
    Optional<String> submitModal(String teamId, String userId, ModalMetadata modal, String value) {
        SlackOrigin origin = new SlackOrigin(teamId, modal.channelId(), userId, null, null);
        Optional<SlackLink> link = ownedLink(origin, modal.conversationRef());
        if (link.isEmpty()) {
            return Optional.of("This question belongs to another conversation.");
        }
        String claim = answeredKey(modal.channelId(), modal.messageTs());
        if (!deliveries.claim(claim)) {
            return Optional.of("This question has already been answered.");
        }
        ConversationView view;
        try {
            view = documents.view(conversations.answer(link.get().conversationId(), modal.questionId(),
                    JsonNode.createStringNode(typed(value))));
        } catch (InvalidAnswerException e) {
            deliveries.release(claim);
            return Optional.of(SlackText.limit(e.getMessage(), 300));
        } catch (OptimisticLockException e) {
            deliveries.release(claim);
            return Optional.of("Your conversation changed at the same moment; please submit again.");
        }
        SlackOrigin inThread = new SlackOrigin(teamId, modal.channelId(), userId, link.get().threadTs(), null);
        async("answer", inThread, () -> afterAnswer(link.get(), view, modal.questionId(), modal.messageTs()));
        return Optional.empty();
    }

    /** Opens the modal for a number or text question. */
    void openInput(SlackOrigin origin, BlockRef ref, String messageTs, String triggerId) {
        Optional<SlackLink> link = ownedLink(origin, ref.conversationRef());
        if (link.isEmpty()) {
            tell(origin, NOT_YOURS);
            return;
        }
        ConversationView c = documents.view(conversations.get(link.get().conversationId()));
        QuestionView q = question(c.flow(), ref.questionId()).orElseThrow();
        slack.openModal(triggerId, QuestionMessage.modal(q, new ModalMetadata(ref.conversationRef(), q.id(), origin.channelId(), messageTs)));
    }

    /** A user's message: a mention or a direct message is a command; a reply to a number or text question answers it. */
    void message(SlackMessage m) {
        SlackOrigin origin = m.origin();
        if (m.mention()) {
            command(origin, SlackCommand.parse(m.text()));
            return;
        }
        Optional<SlackLink> link = link(origin);
        boolean inThread = m.threadTs() != null && link.map(l -> m.threadTs().equals(l.threadTs())).orElse(false);
        if (link.isPresent() && link.get().questionId() != null && (inThread || m.direct())) {
            SlackLink l = link.get();
            ConversationView c = documents.view(conversations.get(l.conversationId()));
            Optional<QuestionView> q = question(c.flow(), l.questionId());
            if (q.isPresent() && Set.of("number", "text").contains(q.get().type())) {
                SlackOrigin thread = new SlackOrigin(m.teamId(), m.channelId(), m.userId(), l.threadTs(), null);
                if (deliveries.claim(answeredKey(l.channelId(), l.questionTs()))) {
                    answer(thread, BlockRef.question(BlockRef.refOf(c.id()), l.questionId()), l.questionTs(),
                            JsonNode.createStringNode(typed(m.text())));
                } else {
                    tell(thread, "That question has been answered already; reply to the newest question in the thread.");
                }
                return;
            }
        }
        if (m.direct() && m.threadTs() == null) {
            command(origin, SlackCommand.parse(m.text()));
        }
    }

    /** Posts an answered question again, so that it can be answered differently. */
    void change(SlackOrigin origin, String argument) {
        Optional<SlackLink> link = link(origin);
        if (link.isEmpty()) {
            tell(origin, "You have no conversation in this channel yet: type `/advisor` to start one.");
            return;
        }
        ConversationView c = documents.view(conversations.get(link.get().conversationId()));
        String answered = String.join("; ", c.answers().stream().map(a -> "“" + SlackText.escape(a.text()) + "”").toList());
        if (c.answers().isEmpty()) {
            tell(origin, "Nothing has been answered yet.");
            return;
        }
        Optional<AnswerView> match = match(c.answers(), argument);
        Optional<QuestionView> leftOpen = c.leftOpen().stream().filter(o -> o.id().equalsIgnoreCase(String.valueOf(argument).strip()))
                .findFirst().flatMap(o -> question(c.flow(), o.id()));
        if (match.isEmpty() && leftOpen.isPresent()) {
            slack.postMessage(origin.channelId(), link.get().threadTs(), leftOpen.get().text(), QuestionMessage.ask(BlockRef.refOf(c.id()),
                    leftOpen.get(), "Left open when you asked for the advice early; your answer works the advice out again."));
            return;
        }
        if (match.isEmpty()) {
            tell(origin, (argument == null || argument.isBlank() ? "Which answer? " : "No answered question matches “%s”. "
                    .formatted(SlackText.limit(argument, 80))) + "Type `/advisor change` and a few words of the question, "
                    + "e.g. `/advisor change data stay`, or pick it under *Change an answer…* on the recommendation. Answered so far: "
                    + SlackText.limit(answered, 2500));
            return;
        }
        AnswerView a = match.get();
        QuestionView q = question(c.flow(), a.question()).orElseThrow();
        slack.postMessage(origin.channelId(), link.get().threadTs(), "Change: " + q.text(),
                QuestionMessage.ask(BlockRef.refOf(c.id()), q, "Changing your answer (now: %s). Questions that follow from it may change too."
                        .formatted(a.label())));
    }

    /** "Change this answer" or "Answer it now" under a question of the user's own conversation: asks it again. */
    void changeOwn(SlackOrigin origin, BlockRef ref) {
        if (ownedLink(origin, ref.conversationRef()).isEmpty()) {
            tell(origin, NOT_YOURS);
            return;
        }
        change(origin, ref.questionId());
    }

    /** Posts the reasons behind the recommendation in the thread. */
    void explain(SlackOrigin origin, String conversationRef) {
        Optional<SlackLink> link = ownedLink(origin, conversationRef);
        if (link.isEmpty()) {
            tell(origin, NOT_YOURS);
            return;
        }
        ConversationView c = documents.view(conversations.get(link.get().conversationId()));
        if (c.recommendation() == null) {
            tell(origin, "There is no recommendation yet: answer the remaining questions, or press “" + QuestionMessage.FINISH
                    + "” for the advice on what you have answered so far.");
            return;
        }
        slack.postMessage(origin.channelId(), link.get().threadTs(), "Why: " + RecommendationMessage.title(c.recommendation()),
                RecommendationMessage.reasons(c.recommendation(), reportUrl(c)));
    }

    /** A note only the user sees: through the response_url when there is one, else as an ephemeral message. */
    void tell(SlackOrigin origin, String text) {
        try {
            if (origin.responseUrl() != null) {
                slack.respond(origin.responseUrl(), text);
            } else {
                slack.postEphemeral(origin.channelId(), origin.userId(), origin.threadTs(), text);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not send a note to Slack user {}: {}", LogSafe.printable(origin.userId()), e.getMessage());
        }
    }

    private void afterAnswer(SlackLink link, ConversationView view, String questionId, String messageTs) {
        view.answers().stream().filter(a -> a.question().equals(questionId)).findFirst().ifPresent(a ->
                slack.update(link.channelId(), messageTs, a.text() + " " + a.label(), QuestionMessage.answered(BlockRef.refOf(link.conversationId()), questionId, a.text(), a.label())));
        String pendingTs = link.questionTs();
        if (pendingTs != null && !pendingTs.equals(messageTs)) {
            // an earlier answer was changed while another question was waiting
            boolean pendingStillNext = view.question() != null && view.question().id().equals(link.questionId());
            if (pendingStillNext) {
                return;
            }
            retireQuestion(link, view.flow(), "No longer asked: an earlier answer changed.");
        }
        next(link, view);
    }

    /** Posts what comes next in the thread: the next question, or the recommendation. */
    private void next(SlackLink link, ConversationView view) {
        SlackLink current = retireRecommendation(link, "Superseded: an answer changed, so the advice is worked out again further down this thread.");
        QuestionView q = view.question();
        if (q != null) {
            String note = "Question %d of about %d".formatted(view.progress().answered() + 1, view.progress().estimatedTotal());
            String ts = slack.postMessage(link.channelId(), link.threadTs(), q.text(),
                    QuestionMessage.ask(BlockRef.refOf(view.id()), q, note, QuestionMessage.soFar(view.preview()),
                            view.progress().answered() > 0));
            links.update(current.withPendingQuestion(q.id(), ts, clock.instant()));
        } else if (view.recommendation() != null) {
            String ts = slack.postMessage(link.channelId(), link.threadTs(), RecommendationMessage.title(view.recommendation()),
                    RecommendationMessage.render(view, view.recommendation(), reportUrl(view)));
            links.update(current.withRecommendation(ts, clock.instant()));
        }
    }

    private void retireQuestion(SlackLink link, String flowId, String why) {
        if (link.questionTs() != null && deliveries.claim(answeredKey(link.channelId(), link.questionTs()))) {
            String text = question(flowId, link.questionId()).map(QuestionView::text).orElse(link.questionId());
            slack.update(link.channelId(), link.questionTs(), text, QuestionMessage.retired(text, why));
        }
    }

    private SlackLink retireRecommendation(SlackLink link, String note) {
        if (link.recommendationTs() == null) {
            return link;
        }
        slack.update(link.channelId(), link.recommendationTs(), "Earlier recommendation", RecommendationMessage.superseded(note));
        return new SlackLink(link.id(), link.teamId(), link.channelId(), link.userId(), link.conversationId(), link.threadTs(),
                link.questionId(), link.questionTs(), null, clock.instant());
    }

    private Optional<SlackLink> link(SlackOrigin origin) {
        return links.findByTeamIdAndChannelIdAndUserId(origin.teamId(), origin.channelId(), origin.userId());
    }

    /** The user's own conversation in this channel, if it is the one the clicked message belongs to. */
    private Optional<SlackLink> ownedLink(SlackOrigin origin, String conversationRef) {
        return link(origin).filter(l -> BlockRef.refOf(l.conversationId()).equals(conversationRef));
    }

    private Optional<ConversationView> find(String conversationId) {
        try {
            return Optional.of(documents.view(conversations.get(conversationId)));
        } catch (ConversationNotFoundException | FlowNotFoundException e) {
            return Optional.empty();
        }
    }

    private Optional<QuestionView> question(String flowId, String questionId) {
        return rules.current().flow(flowId).flatMap(f -> f.question(questionId)).map(QuestionView::of);
    }

    private static Optional<AnswerView> match(List<AnswerView> answers, String argument) {
        if (argument == null || argument.isBlank()) {
            return Optional.empty();
        }
        String wanted = argument.strip().toLowerCase(Locale.ROOT);
        Optional<AnswerView> byId = answers.stream().filter(a -> a.question().equalsIgnoreCase(wanted)).findFirst();
        if (byId.isPresent()) {
            return byId;
        }
        List<AnswerView> byText = answers.stream().filter(a -> a.text().toLowerCase(Locale.ROOT).contains(wanted)
                || a.question().replace('_', ' ').contains(wanted)).toList();
        return byText.size() == 1 ? Optional.of(byText.get(0)) : Optional.empty();
    }

    private static String typed(String text) {
        String t = text == null ? "" : text.strip();
        return TYPED_UNKNOWN.contains(t.toLowerCase(Locale.ROOT).replace('’', '\'')) ? AnswerValues.UNKNOWN : t;
    }

    private static String cannotPost(SlackWebApi.SlackCallFailed e) {
        return switch (String.valueOf(e.error())) {
            case "not_in_channel", "channel_not_found" ->
                    "I can't post in this channel yet: invite me with `/invite @Infra Advisor`, or send me a direct message.";
            default -> "Slack did not take my message (" + e.error() + "); please try again.";
        };
    }
}
