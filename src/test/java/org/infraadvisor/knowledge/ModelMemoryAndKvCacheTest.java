package org.infraadvisor.knowledge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Memory a model needs, against published worked figures (docs/sources.md). */
class ModelMemoryAndKvCacheTest {

    @Test
    void weightsAreParametersTimesBytesPerParameter() {
        // 70B: 140 GB at BF16, 70 GB at FP8, 35 GB at INT4; 405B at FP8 405 GB; DeepSeek-V3 holds all 671B [deepseek-v3]
        assertThat(ModelMemory.weightsGb(70, 2)).isEqualTo(140.0);
        assertThat(ModelMemory.weightsGb(70, 1)).isEqualTo(70.0);
        assertThat(ModelMemory.weightsGb(70, 0.5)).isEqualTo(35.0);
        assertThat(ModelMemory.weightsGb(8, 2)).isEqualTo(16.0);
        assertThat(ModelMemory.weightsGb(405, 1)).isEqualTo(405.0);
        assertThat(ModelMemory.weightsGb(671, 1)).isEqualTo(671.0);
    }

    @Test
    void aSeventyBillionModelAtFp8NeedsTwoH100sButFitsOneH200() {
        double copy = ModelMemory.servingGb(70, 0.2);
        assertThat(copy).isCloseTo(84.0, within(1e-9));
        assertThat(ModelMemory.devicesPerCopy(copy, 80, 0.9)).isEqualTo(2);   // 84 / 72 = 1.17
        assertThat(ModelMemory.devicesPerCopy(copy, 141, 0.9)).isEqualTo(1);  // 84 / 126.9
        // 405B at FP8: 486 GB per copy / 72 GB = 6.75 -> 8 H100; / 126.9 -> 4 H200; / 172.8 -> 4 MI300X
        double big = ModelMemory.servingGb(405, 0.2);
        assertThat(ModelMemory.devicesPerCopy(big, 80, 0.9)).isEqualTo(8);
        assertThat(ModelMemory.devicesPerCopy(big, 141, 0.9)).isEqualTo(4);
        assertThat(ModelMemory.devicesPerCopy(big, 192, 0.9)).isEqualTo(4);
        // tensor-parallel groups of 1, 2, 4, 8, then whole 8-device servers
        assertThat(Rounding.parallelGroup(3)).isEqualTo(4);
        assertThat(Rounding.parallelGroup(9.5)).isEqualTo(16);
        assertThat(Rounding.roundUp(2.0000000001)).isEqualTo(2);
    }

    @Test
    void kvCachePerTokenMatchesThePublishedLlamaFigures() {
        // 2 x layers x KV heads x head size x 2 bytes [frankdenneman-kv-2026]
        assertThat(KvCache.bytesPerToken(32, 8, 128, 2)).isEqualTo(131_072.0);   // Llama 3.1 8B
        assertThat(KvCache.bytesPerToken(80, 8, 128, 2)).isEqualTo(327_680.0);   // Llama 3.1 70B
        assertThat(KvCache.gb(327_680, 4096, 1)).isCloseTo(1.34, within(0.005));
        assertThat(KvCache.gb(327_680, 32_768, 1)).isCloseTo(10.7, within(0.05));
        assertThat(KvCache.gb(131_072, 128 * 1024, 1)).isCloseTo(17.2, within(0.05));
        // FP8 KV halves it; the nearest published shape stands in for a model of another size
        assertThat(KvCache.bytesPerToken(80, 8, 128, 1)).isEqualTo(163_840.0);
        assertThat(KvCache.bytesPerTokenLike(65, 2)).isEqualTo(327_680.0);
        assertThat(KvCache.bytesPerTokenLike(7, 2)).isEqualTo(131_072.0);
        // the 20 % allowance of a 70B FP8 copy (14 GB) holds ~42 requests of 1,000 tokens
        assertThat(KvCache.sequencesThatFit(14, 327_680, 1000)).isEqualTo(42.0);
    }
}
