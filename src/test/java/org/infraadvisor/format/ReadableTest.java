package org.infraadvisor.format;

import org.infraadvisor.dialogue.Condition;
import org.infraadvisor.dialogue.Option;
import org.infraadvisor.dialogue.Question;
import org.infraadvisor.dialogue.QuestionType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReadableTest {

    @Test
    void numbersCarryThousandsSeparatorsAndSensibleRounding() {
        assertEquals("200,000", Readable.number(200000));
        assertEquals("3,472", Readable.number(3472.222222));
        assertEquals("12.3", Readable.number(12.34));
        assertEquals("12", Readable.number(12.0));
        assertEquals("0.12", Readable.number(0.1234));
        assertEquals("0.0034", Readable.number(0.003412));
        assertEquals("0", Readable.number(0));
        assertEquals("n/a", Readable.number(Double.NaN));
        assertEquals("3,472 tokens/s", Readable.quantity(3472.2, "tokens/s"));
        assertEquals("58%", Readable.quantity(58.1, "%"));
    }

    @Test
    void exactNumbersKeepEveryDigitTheyCarry() {
        assertEquals("10,000,000,000", Readable.exact(1e10));
        assertEquals("0.001", Readable.exact(0.001));
        assertEquals("1,234.5678", Readable.exact(1234.5678));
        assertEquals("0.3", Readable.exact(0.1 + 0.2), "fifteen significant digits, not the binary expansion");
        assertEquals("-2.5", Readable.exact(-2.5));
        assertEquals("9,223,372,036,854,775,807", Readable.exact(Long.MAX_VALUE));
    }

    @Test
    void compactFiguresForCharts() {
        assertEquals("950", Readable.compact(950));
        assertEquals("12k", Readable.compact(12_400));
        assertEquals("3.4M", Readable.compact(3_400_000));
        assertEquals("14.8T", Readable.compact(14.8e12));
        assertEquals("1M", Readable.compact(999_600), "not 1000k");
        assertEquals("999k", Readable.compact(999_400));
        assertEquals("1B", Readable.compact(999_960_000), "not 1,000M");
        assertEquals("$1M", Readable.moneyShort(999_700));
        assertEquals("3.3 × 10^24", Readable.scientific(3.2856e24));
        assertEquals("1 × 10^21", Readable.scientific(9.99e20));
        assertEquals("4,500", Readable.scientific(4500));
    }

    @Test
    void moneyRoundsToWhatAnEstimateCarries() {
        assertEquals("$4.10", Readable.money(4.1));
        assertEquals("$950", Readable.money(949.6));
        assertEquals("$48,200", Readable.money(48_213));
        assertEquals("$3,240,000", Readable.money(3_236_000));
        assertEquals("$1.2M", Readable.moneyShort(1_234_000));
        assertEquals("$850k", Readable.moneyShort(850_000));
        assertEquals("1 × 8-GPU instance, ~$43/h", Readable.rented(1, "8-GPU instance", 43.16));
    }

    @Test
    void namesAsTheirOwnersWriteThem() {
        assertEquals("Microsoft Azure", Readable.provider("azure"));
        assertEquals("AWS and Google Cloud", Readable.providers(List.of("aws", "gcp")));
        assertEquals("On-premises", Readable.strategy("on-prem"));
        assertEquals("62%", Readable.percent(0.623));
        assertEquals("1 device", Readable.count(1, "device", "devices"));
    }

    @Test
    void answersReadAsTheUserGaveThem() {
        Question choice = new Question("latency", "How fast?", null, QuestionType.CHOICE,
                List.of(new Option("batch", "Batch (minutes or hours are fine)")), null, null, null, null, Condition.ALWAYS, 1);
        Question number = new Question("daily_requests", "How many?", null, QuestionType.NUMBER, List.of(), 0.0, 1e10,
                "requests/day", null, Condition.ALWAYS, 2);
        assertEquals("Batch (minutes or hours are fine)", Readable.answer(choice, "batch"));
        assertEquals("200,000 requests/day", Readable.answer(number, 200000.0));
        assertEquals("I don't know", Readable.answer(number, "unknown"));
        assertEquals("Yes", Readable.answer(null, true));
    }

    @Test
    void aFigureIsNamedByItsLabelNeverItsKey() {
        assertEquals("Electricity price: $0.10 per kWh", Readable.assumption("Electricity price", 0.1, "USD/kWh"));
        assertEquals("1,500 days", Readable.assumption(null, 1500, "days"));
    }

    @Test
    void unitsSayWhatTheyCountInTheReadersWords() {
        assertEquals("25% of hours", Readable.quantity(0.25, "share of hours"));
        assertEquals("35% off on-demand", Readable.quantity(0.35, "share off on-demand"));
        assertEquals("$150 per kW per month", Readable.quantity(150, "USD per kW per month"));
        assertEquals("$150,000 per FTE-year", Readable.quantity(150_000, "USD per FTE-year"));
        assertEquals("$0.90 per million tokens", Readable.quantity(0.9, "USD per million tokens"));
        assertEquals("2.5 × interactive throughput", Readable.quantity(2.5, "x interactive throughput"));
    }

    @Test
    void oneOfAThingIsSingular() {
        assertEquals("1 device", Readable.quantity(1, "devices"));
        assertEquals("1 byte per parameter", Readable.quantity(1, "bytes per parameter"));
        assertEquals("1 model copy", Readable.quantity(1, "model copies"));
        assertEquals("1 year", Readable.quantity(1, "years"));
        assertEquals("1 site", Readable.quantity(1, "sites"));
        assertEquals("1 request/day", Readable.quantity(1, "requests/day"));
        assertEquals("1 billion parameters", Readable.quantity(1, "billion parameters"), "a count of billions stays plural");
        assertEquals("1 GB", Readable.quantity(1, "GB"));
        assertEquals("1 ms", Readable.quantity(1, "ms"));
        assertEquals("1.5 devices", Readable.quantity(1.5, "devices"));
        assertEquals("2 bytes per parameter", Readable.quantity(2, "bytes per parameter"));
    }

    @Test
    void figuresTooLargeForWordsInPowersOfTen() {
        assertEquals("2.1 × 10^21 FLOPs", Readable.quantity(2.1e21, "FLOPs"));
        assertEquals("999,000,000,000,000", Readable.number(999e12));
        assertEquals("1 × 10^15", Readable.number(1e15));
    }

    @Test
    void aShareAboveNothingNeverReadsAsNothing() {
        assertEquals("under 1%", Readable.percent(0.0003));
        assertEquals("0%", Readable.percent(0));
        assertEquals("1%", Readable.percent(0.006));
        assertEquals("under 1%", Readable.quantity(0.032, "%"));
    }

    @Test
    void theAdviceSoFarInOneLine() {
        assertEquals("So far: Hybrid · 1,024 × AMD Instinct MI300X · 63% sure", Readable.soFar("hybrid", "AMD Instinct MI300X", 1024, 0.625));
        assertEquals("So far: Cloud-first · 62% sure", Readable.soFar("cloud-first", null, 0, 0.621));
        assertEquals("So far: No strategy yet · 4 × NVIDIA H100 SXM", Readable.soFar(null, "NVIDIA H100 SXM", 4, 0));
    }

    @Test
    void whatAQuestionLeftOpenCouldChange() {
        assertEquals("Could change the strategy to Hybrid or On-premises and the accelerator to 8 × NVIDIA H200.",
                Readable.couldChange(List.of("hybrid", "on-prem"), List.of("8 × NVIDIA H200")));
        assertEquals("Could change the accelerator to 2 × NVIDIA L40S, 16 × NVIDIA H100 SXM or 4 × AMD Instinct MI300X.",
                Readable.couldChange(List.of(), List.of("2 × NVIDIA L40S", "16 × NVIDIA H100 SXM", "4 × AMD Instinct MI300X")));
        assertEquals("Could change the strategy to Cloud-first.", Readable.couldChange(List.of("cloud-first"), List.of()));
        assertEquals("Only fine-tunes the details; it won’t change the headline advice.", Readable.couldChange(List.of(), List.of()));
    }
}
