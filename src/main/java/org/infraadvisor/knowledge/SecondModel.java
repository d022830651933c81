package org.infraadvisor.knowledge;

/**
 * A second, larger model used for a share of the requests (hard questions, premium tier). Served in its own copies,
 * without a spare: when it is down, its requests wait or fall back to the main model.
 *
 * @param share share of the requests it answers (they are taken from the main model's load)
 */
public record SecondModel(double paramsB, double activeParamsB, double memoryGb, double share) {

    public static final SecondModel NONE = new SecondModel(0, 0, 0, 0);

    public boolean present() {
        return paramsB > 0;
    }
}
