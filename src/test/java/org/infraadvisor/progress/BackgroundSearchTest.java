package org.infraadvisor.progress;

import org.infraadvisor.dialogue.DialogueState;
import org.infraadvisor.dialogue.Flow;
import org.infraadvisor.engine.AdvisorEngine;
import org.infraadvisor.engine.RuleSet;
import org.infraadvisor.engine.ShippedRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A turn that meets answers not seen before replies with the exact preview and a provisional order without waiting
 * for the search; the search runs after it, and the next look at the same answers has the exact order.
 */
class BackgroundSearchTest {

    final RuleSet ruleSet = ShippedRules.ruleSet();
    final Flow flow = ruleSet.flow("infra-strategy").orElseThrow();
    final AdvisorEngine engine = new AdvisorEngine(10_000);
    final ProgressiveAdvisor inline = new ProgressiveAdvisor(engine, 10_000, 1_000);
    final ProgressiveAdvisor background = new ProgressiveAdvisor(engine, 10_000, 1_000, ProgressiveAdvisor.Search.BACKGROUND);
    final ProgressiveAdvisor saturated = new ProgressiveAdvisor(engine, 10_000, 1_000, ProgressiveAdvisor.Search.NEVER);

    @AfterEach
    void stop() {
        background.close();
    }

    @Test
    void anUnsearchedStateGetsTheExactPreviewAndAValidQuestionAtOnceAndTheExactOrderOnceTheBackgroundIsDone() throws Exception {
        Map<String, Object> answers = Map.of("workload", "inference", "model_size_b", 123.456, "daily_requests", 54_321.0);
        Assessment exact = inline.assess(ruleSet, flow, answers);

        Assessment prompt = background.assessPromptly(ruleSet, flow, answers);

        assertThat(prompt.ranked()).as("the search was not waited for").isFalse();
        assertThat(prompt.preview()).as("the preview is exact all the same").isEqualTo(exact.preview());
        assertOpenQuestionsAreTheExactOnes(prompt, exact, answers);
        assertThat(prompt.couldChange()).as("never short of what the search finds").containsAll(exact.couldChange());

        awaitBackground(background);
        Assessment later = background.assessPromptly(ruleSet, flow, answers);
        assertThat(later.ranked()).isTrue();
        assertThat(later).isEqualTo(exact);
    }

    @Test
    void theProvisionalOrderIsThePreviousStatesWithoutTheQuestionAnsweredSince() {
        Map<String, Object> before = Map.of("workload", "inference", "model_size_b", 70.0);
        Assessment earlier = background.assess(ruleSet, flow, before);
        String asked = earlier.next().orElseThrow().question().id();
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put(asked, Candidates.of(flow, earlier.next().get().question()).get(0));

        Assessment prompt = background.assessPromptly(ruleSet, flow, after);

        assertThat(prompt.ranked()).isFalse();
        List<String> stillOpen = prompt.open().stream().map(o -> o.question().id()).toList();
        List<String> earlierOrder = earlier.open().stream().map(o -> o.question().id())
                .filter(stillOpen::contains).toList();
        List<String> mayChange = prompt.open().stream().filter(o -> !o.refinement() && !o.pinned())
                .map(o -> o.question().id()).filter(earlierOrder::contains).toList();
        assertThat(mayChange).as("in the order of the state before").isEqualTo(earlierOrder.stream().filter(mayChange::contains).toList());
        assertThat(stillOpen).doesNotContain(asked);
    }

    @Test
    void refinementsOfAProvisionalOrderAreProvenAndComeLast() {
        Map<String, Object> answers = Map.of("workload", "inference", "data_residency", "on-premises", "model_size_b", 71.5,
                "daily_requests", 200_123.0, "tokens_per_request", 1000.0, "serving_precision", "fp8");
        Assessment exact = inline.assess(ruleSet, flow, answers);

        Assessment prompt = saturated.assessPromptly(ruleSet, flow, answers);

        assertThat(prompt.ranked()).isFalse();
        assertOpenQuestionsAreTheExactOnes(prompt, exact, answers);
        for (OpenQuestion q : prompt.open()) {
            if (q.refinement()) {
                assertThat(exact.open()).filteredOn(o -> o.question() == q.question()).singleElement()
                        .as("%s is a refinement only when the search agrees", q.question().id()).matches(OpenQuestion::refinement);
            }
        }
        int firstRefinement = prompt.open().stream().filter(OpenQuestion::refinement).findFirst().map(prompt.open()::indexOf)
                .orElse(prompt.open().size());
        assertThat(prompt.open().subList(firstRefinement, prompt.open().size())).allMatch(OpenQuestion::refinement);
        assertThat(saturated.assessPromptly(ruleSet, flow, answers).ranked()).as("saturated: nothing searched behind").isFalse();
    }

    @Test
    void theAnswersToAChoiceQuestionAskedNextAreSearchedAheadOfTheUser() throws Exception {
        Map<String, Object> answers = Map.of("workload", "training", "model_size_b", 33.3);
        background.assessPromptly(ruleSet, flow, answers);
        awaitBackground(background);
        Assessment ranked = background.assessPromptly(ruleSet, flow, answers);
        awaitBackground(background);

        OpenQuestion next = ranked.next().orElseThrow();
        if (next.question().type() == org.infraadvisor.dialogue.QuestionType.NUMBER) {
            return; // only the answers to a choice question can be guessed
        }
        for (Object value : Candidates.of(flow, next.question())) {
            Map<String, Object> with = new LinkedHashMap<>(answers);
            with.put(next.question().id(), value);
            if (!new DialogueState(flow, with).isComplete()) {
                assertThat(background.assessPromptly(ruleSet, flow, with).ranked()).as("%s = %s", next.question().id(), value).isTrue();
            }
        }
    }

    @Test
    void theQueueIsBoundedAndAStateIsQueuedOnce() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        try (BackgroundSearch search = new BackgroundSearch(1, 2)) {
            assertThat(search.now("blocker", () -> {
                running.countDown();
                await(release);
            })).isTrue();
            assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(search.later("a", runs::incrementAndGet)).isTrue();
            assertThat(search.now("a", runs::incrementAndGet)).as("already queued").isFalse();
            assertThat(search.now("b", runs::incrementAndGet)).isTrue();
            assertThat(search.now("c", runs::incrementAndGet)).as("the queue holds two").isFalse();
            assertThat(search.dropped()).isEqualTo(1);
            assertThat(search.idle()).isFalse();

            release.countDown();
            for (int i = 0; i < 3000 && !search.idle(); i++) {
                Thread.sleep(10);
            }
            assertThat(search.idle()).isTrue();
            assertThat(runs.get()).isEqualTo(2);
            assertThat(search.done()).isEqualTo(3);
        }
    }

    @Test
    void onABusyMachineGuessesAreDroppedAndStatesUsersReachedAreStillSearched() throws Exception {
        AtomicReference<Double> load = new AtomicReference<>(0.95);
        AtomicInteger guesses = new AtomicInteger();
        AtomicInteger reached = new AtomicInteger();
        try (BackgroundSearch search = new BackgroundSearch(1, 10, load::get, 0.9)) {
            assertThat(search.later("guess", guesses::incrementAndGet)).isTrue();
            assertThat(search.now("reached", reached::incrementAndGet)).isTrue();
            awaitIdle(search);
            assertThat(reached.get()).as("a state a user reached").isEqualTo(1);
            assertThat(guesses.get()).as("a guess while the machine is 95 % busy").isZero();
            assertThat(search.guessesSkipped()).isEqualTo(1);
            assertThat(search.acceptsGuesses()).as("what a turn asks before it works out guesses").isFalse();
            assertThat(search.later("guess", guesses::incrementAndGet)).as("a dropped guess may be queued again").isTrue();
            awaitIdle(search);

            load.set(0.5);
            Thread.sleep(300); // the load is read again at most every 250 ms
            assertThat(search.later("guess", guesses::incrementAndGet)).isTrue();
            awaitIdle(search);
            assertThat(guesses.get()).as("a guess while the machine is half busy").isEqualTo(1);
            assertThat(search.acceptsGuesses()).isTrue();
        }
    }

    private static void awaitIdle(BackgroundSearch search) throws InterruptedException {
        for (int i = 0; i < 3000 && !search.idle(); i++) {
            Thread.sleep(10);
        }
        assertThat(search.idle()).isTrue();
    }

    private void assertOpenQuestionsAreTheExactOnes(Assessment prompt, Assessment exact, Map<String, Object> answers) {
        assertThat(prompt.open()).extracting(o -> o.question().id()).as("the same open questions, maybe in another order")
                .containsExactlyInAnyOrderElementsOf(exact.open().stream().map(o -> o.question().id()).toList());
        OpenQuestion next = prompt.next().orElseThrow();
        DialogueState state = new DialogueState(flow, answers);
        assertThat(state.isAsked(next.question().id())).isTrue();
        assertThat(answers).doesNotContainKey(next.question().id());
        if (!next.refinement()) {
            assertThat(prompt.couldChange()).first().isEqualTo(next.question().id());
        }
    }

    static void awaitBackground(ProgressiveAdvisor advisor) throws InterruptedException {
        for (int i = 0; i < 12_000 && !advisor.backgroundIdle(); i++) {
            Thread.sleep(10);
        }
        assertThat(advisor.backgroundIdle()).as("the background search finished within two minutes").isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
