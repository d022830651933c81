package org.infraadvisor.channels.web;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.testsupport.AdvisorClient;
import org.infraadvisor.testsupport.PreviewLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Progressive advice in the widget (issue 13 §4), in a real headless Chromium against the service with progressive
 * advice on: the "So far" line above the question, refinement labels, and "Show my advice now".
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WidgetProgressBrowserTest extends WidgetBrowser implements TestPropertyProvider {

    /** The answers of rules/scenarios/08 (a global bank: hybrid, reached after several answers). */
    static final Map<String, String> BANK = Map.ofEntries(
            Map.entry("workload", "mixed"), Map.entry("model_size_b", "70"), Map.entry("training_tokens_b", "5"),
            Map.entry("daily_requests", "1000000"), Map.entry("tokens_per_request", "1000"), Map.entry("serving_precision", "fp8"),
            Map.entry("latency", "interactive"), Map.entry("utilization", "steady"), Map.entry("data_residency", "regional"),
            Map.entry("budget", "either"), Map.entry("ops_skills", "advanced"), Map.entry("datacenter", "standard"),
            Map.entry("time_to_production", "3-to-12-months"), Map.entry("cloud_provider", "multiple"),
            Map.entry("software_stack", "portable"), Map.entry("horizon_years", "4"), Map.entry("network", "fast"),
            Map.entry("data_pipeline", "automated-batch"));

    @Override
    public @NonNull Map<String, String> getProperties() {
        return serviceProperties(true);
    }

    @Test
    void theAdviceSoFarShowsAboveTheQuestionAndTheUserCanAskForItAtAnyTime() {
        openDemo();
        WebElement line = driver.findElement(By.cssSelector(".iaw-preview"));
        assertThat(line.isDisplayed()).as("no line before the first answer").isFalse();
        assertThat(line.getAttribute("aria-live")).isEqualTo("polite");
        assertThat(driver.findElements(By.cssSelector(".iaw-finish"))).as("nothing to show before the first answer").isEmpty();

        int answered = 0;
        for (; answered < 3; answered++) {
            answerFromBank(answered);
            ConversationView view = conversationOnServer();
            assertThat(view.preview()).isNotNull();
            wait.until(d -> line.isDisplayed());
            assertThat(line.getText()).as("after %d answers", answered + 1).isEqualTo(PreviewLine.expected(view.preview()))
                    .matches(PreviewLine.PATTERN)
                    .doesNotContain("cloud-first", "on-prem ", "_", "0.");
        }
        assertThat(line.getAttribute("aria-live")).isEqualTo("polite");
        screenshot(driver.findElement(By.cssSelector(".iaw-panel")), "progress-preview-line.png");
        String before = conversationOnServer().question().id();

        click(".iaw-finish");

        WebElement card = waitFor(".iaw-card");
        ConversationView finished = conversationOnServer();
        assertThat(finished.status()).isEqualTo("completed");
        assertThat(finished.answers()).hasSize(answered);
        assertThat(finished.leftOpen()).extracting(ConversationView.LeftOpen::id).contains(before);
        assertThat(card.findElement(By.cssSelector(".iaw-strategy")).getText())
                .isEqualTo(PreviewLine.STRATEGY_NAMES.getOrDefault(finished.recommendation().strategy(), "No strategy"));
        assertThat(text(".iaw-progress-text")).isEqualTo(answered + " answered, " + finished.leftOpen().size() + " left open");
        assertThat(line.isDisplayed()).as("the line gives way to the recommendation").isFalse();
        assertThat(line.getText()).isEmpty();
        assertThat(driver.findElements(By.cssSelector(".iaw-finish"))).isEmpty();
        screenshot(driver.findElement(By.cssSelector(".iaw-panel")), "progress-finished-early.png");

        // the user can still answer: changing an answer reopens the conversation and the line comes back
        String first = finished.answers().get(0).question();
        click(".iaw-turn[data-qid='" + first + "'] .iaw-answer");
        click(".iaw-composer .iaw-choice:not(.iaw-current)");
        wait.until(d -> "active".equals(conversationOnServer().status()));
        wait.until(d -> line.isDisplayed());
        assertThat(line.getText()).isEqualTo(PreviewLine.expected(conversationOnServer().preview()));
        assertThat(driver.findElements(By.cssSelector(".iaw-card"))).isEmpty();
    }

    @Test
    void aQuestionThatCanNoLongerChangeTheHeadlineIsLabelledARefinement() {
        openDemo();
        int answered = 0;
        ConversationView view = conversationOnServer();
        while (view.question() != null && !view.question().refinement()) {
            assertThat(driver.findElements(By.cssSelector(".iaw-refinement"))).as("after %d answers", answered).isEmpty();
            answerFromBank(answered++);
            view = conversationOnServer();
            assertThat(answered).as("the flow ends").isLessThan(40);
        }
        assertThat(view.question()).as("the bank's path reaches a refinement before the end").isNotNull();
        String question = view.question().id();
        WebElement label = waitFor(".iaw-turn[data-qid='" + question + "'] .iaw-refinement");
        assertThat(label.getText()).isEqualTo("Refinement only fine-tunes the details; it won’t change the headline advice");
        assertThat(driver.findElements(By.cssSelector(".iaw-refinement"))).as("only the open question").hasSize(1);
        assertThat(driver.findElements(By.cssSelector(".iaw-turn[data-qid]"))).as("the log in the order the questions were asked")
                .last().satisfies(turn -> assertThat(turn.getAttribute("data-qid")).isEqualTo(question));        screenshot(driver.findElement(By.cssSelector(".iaw-panel")), "progress-refinement.png");
        List<String> order = turnOrder();
        driver.navigate().refresh();
        waitFor(".iaw-turn[data-qid='" + question + "'] .iaw-refinement");
        assertThat(turnOrder()).as("a reloaded page shows the turns in the same order").isEqualTo(order);

        answerFromBank(answered++);
        wait.until(d -> d.findElements(By.cssSelector(".iaw-turn[data-qid='" + question + "'] .iaw-refinement")).isEmpty());
    }

    List<String> turnOrder() {
        return driver.findElements(By.cssSelector(".iaw-turn[data-qid]")).stream().map(t -> t.getAttribute("data-qid")).toList();
    }

    /** Answers the open question in the widget as the bank does ("I don't know" where it has no answer). */
    void answerFromBank(int answeredSoFar) {
        String question = currentQuestion();
        String value = BANK.get(question);
        if (value == null) {
            click(".iaw-unknown");
        } else if (!driver.findElements(By.cssSelector(".iaw-composer input.iaw-input")).isEmpty()) {
            typeNumber(value);
        } else {
            click(".iaw-composer .iaw-choice[data-value='" + value + "']");
        }
        waitForAnswerCount(answeredSoFar + 1);
    }

    ConversationView conversationOnServer() {
        String id = (String) driver.executeScript("return localStorage.getItem(arguments[0])", storageKey("infra-strategy"));
        assertThat(id).isNotBlank();
        return new AdvisorClient(http).conversation(id);
    }
}
