package org.theorycheck.core.ladder;

/** Training produced a NaN or an infinity: names the step and the quantity so the user can act. */
public final class DivergenceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int step;
    private final String quantity;

    public DivergenceException(int step, String quantity, String detail) {
        super("diverged at step " + step + ": " + quantity + " is not finite (" + detail
                + "); lower the learning rates or the momentum");
        this.step = step;
        this.quantity = quantity;
    }

    public int step() {
        return step;
    }

    public String quantity() {
        return quantity;
    }
}
