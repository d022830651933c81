package org.infraadvisor.channels.slack;

import com.slack.api.model.block.LayoutBlock;
import org.infraadvisor.document.ConversationView;
import org.infraadvisor.document.ConversationView.QuestionView;
import org.infraadvisor.dialogue.Option;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Block Kit limits the rendering respects: long option lists become menus, long labels are cut to fit. */
class QuestionMessageTest {

    static List<Option> options(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Option("v" + i, "Option number " + i + " " + "x".repeat(i == 0 ? 100 : 0))).toList();
    }

    static QuestionView question(String type, int options) {
        return new QuestionView("q1", "A <question> & more?", null, type, options(options), null, null, null, null, true, false, false);
    }

    static String json(List<LayoutBlock> blocks) {
        return SlackPayloads.GSON.toJson(blocks);
    }

    @Test
    void theNumberModalTakesDecimalsUnlessTheQuestionTakesWholeNumbers() {
        QuestionView sites = new QuestionView("sites", "How many sites?", null, "number", List.of(), 1.0, 100_000.0, "sites",
                null, true, false, true);
        QuestionView size = new QuestionView("model_size_b", "How large?", null, "number", List.of(), 0.001, 5000.0,
                "billion parameters", null, true, false, false);
        ModalMetadata metadata = new ModalMetadata("c1", "sites", "C1", "1.2");

        String whole = SlackPayloads.GSON.toJson(QuestionMessage.modal(sites, metadata));
        String decimal = SlackPayloads.GSON.toJson(QuestionMessage.modal(size, metadata));

        assertThat(whole).contains("\"is_decimal_allowed\":false", "\"min_value\":\"1\"", "\"max_value\":\"100000\"");
        assertThat(decimal).contains("\"is_decimal_allowed\":true", "\"min_value\":\"0.001\"");
    }

    @Test
    void aFewChoicesAreButtonsAndManyAreASelectMenu() {
        assertThat(json(QuestionMessage.ask("c1", question("choice", 8), "Question 1 of about 3")))
                .contains("\"type\":\"button\"").doesNotContain("static_select").contains("\"block_id\":\"q|c1|q1\"");
        assertThat(json(QuestionMessage.ask("c1", question("choice", 9), "Question 1 of about 3")))
                .contains("\"type\":\"static_select\"").contains("\"action_id\":\"answer_select\"");
    }

    @Test
    void upToTenChoicesAreCheckboxesAndMoreAMultiSelect() {
        assertThat(json(QuestionMessage.ask("c1", question("multi", 10), "n"))).contains("\"type\":\"checkboxes\"");
        assertThat(json(QuestionMessage.ask("c1", question("multi", 11), "n"))).contains("\"type\":\"multi_static_select\"")
                .contains("\"block_id\":\"p|c1|q1\"");
    }

    @Test
    void textIsEscapedAndLabelsAreCutToSlacksLimits() {
        String json = json(QuestionMessage.ask("c1", question("choice", 3), "n"));
        assertThat(json).contains("A \\u0026lt;question\\u0026gt; \\u0026amp; more?");
        assertThat(json).contains("Option number 0 " + "x".repeat(58) + "…").doesNotContain("x".repeat(59));
    }

    @Test
    void theAdviceSoFarComesFirstWithAFinishButtonAndRefinementsSaySo() {
        ConversationView.Preview preview = new ConversationView.Preview("on-prem", 0.584, new ConversationView.Accelerator("NVIDIA", "H100 SXM", 1200), List.of(), true);
        QuestionView refinement = new QuestionView("q1", "How would you rather pay?", null, "choice", options(2), null, null, null, null, true, true, false);
        List<LayoutBlock> blocks = QuestionMessage.ask("c1", refinement, "Question 9 of about 12", QuestionMessage.soFar(preview), true);
        assertThat(json(List.of(blocks.get(0)))).startsWith("[{\"type\":\"context\"")
                .contains("So far: On-premises · 1,200 × NVIDIA H100 SXM · 58% sure");
        assertThat(json(blocks)).contains("\"block_id\":\"f|c1|q1\"", "\"action_id\":\"finish\"", "Finish now",
                "_Refinement: only fine-tunes the details");
        assertThat(QuestionMessage.soFar(null)).isNull();
        String plain = json(QuestionMessage.ask("c1", question("choice", 2), "n"));
        assertThat(plain).doesNotContain("So far", "\"action_id\":\"finish\"", "Refinement");
    }

    @Test
    void finishNowIsOfferedAfterTheFirstAnswerEvenWithoutAPreview() {
        String withoutPreview = json(QuestionMessage.ask("c1", question("choice", 2), "Question 4 of about 12", null, true));
        assertThat(withoutPreview).contains("\"action_id\":\"finish\"", "Finish now").doesNotContain("So far");
    }

    @Test
    void blockRefsRoundTripAndRejectForeignIds() {
        BlockRef ref = BlockRef.question("AbC-_12", "daily_requests");
        assertThat(BlockRef.decode(ref.encode())).contains(ref);
        assertThat(BlockRef.decode(BlockRef.recommendation("AbC").encode())).contains(BlockRef.recommendation("AbC"));
        assertThat(BlockRef.decode(BlockRef.finish("AbC", "budget").encode())).contains(BlockRef.finish("AbC", "budget"));
        assertThat(BlockRef.decode("x|y|z")).isEmpty();
        assertThat(BlockRef.decode("q||z")).isEmpty();
        assertThat(BlockRef.decode(null)).isEmpty();
    }
}
