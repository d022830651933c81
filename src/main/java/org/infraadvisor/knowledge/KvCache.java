package org.infraadvisor.knowledge;

/**
 * The KV cache: per token, 2 (key and value) x layers x KV heads x head dimension x bytes per value; in total, that
 * times the tokens of every sequence in flight.
 */
public final class KvCache {

    /** Layers, KV heads and head dimension of a published model family member. */
    public record Shape(double paramsB, int layers, int kvHeads, int headDim) {
    }

    /** Llama 3.1 8B, 70B and 405B (grouped-query attention, 8 KV heads of 128): the reference shapes for estimates. */
    public static final java.util.List<Shape> LLAMA_3_1 = java.util.List.of(
            new Shape(8, 32, 8, 128), new Shape(70, 80, 8, 128), new Shape(405, 126, 8, 128));

    private KvCache() {
    }

    public static double bytesPerToken(int layers, int kvHeads, int headDim, double bytesPerValue) {
        return 2.0 * layers * kvHeads * headDim * bytesPerValue;
    }

    /** GB for {@code sequences} sequences of {@code tokens} tokens each. */
    public static double gb(double bytesPerToken, double tokens, double sequences) {
        return bytesPerToken * tokens * sequences / 1e9;
    }

    /** Bytes per token of the reference shape nearest in size (by ratio) to a model of {@code paramsB} billion parameters. */
    public static double bytesPerTokenLike(double paramsB, double bytesPerValue) {
        Shape nearest = LLAMA_3_1.get(0);
        for (Shape s : LLAMA_3_1) {
            if (Math.abs(Math.log(s.paramsB() / paramsB)) < Math.abs(Math.log(nearest.paramsB() / paramsB))) {
                nearest = s;
            }
        }
        return bytesPerToken(nearest.layers(), nearest.kvHeads(), nearest.headDim(), bytesPerValue);
    }

    /** How many sequences of {@code tokens} tokens fit in {@code gb} of KV cache. */
    public static double sequencesThatFit(double gb, double bytesPerToken, double tokens) {
        return tokens <= 0 ? 0 : Math.floor(gb * 1e9 / (bytesPerToken * tokens));
    }
}
