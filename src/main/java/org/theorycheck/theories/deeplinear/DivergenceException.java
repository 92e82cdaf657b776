package org.theorycheck.theories.deeplinear;

/**
 * A run whose state stopped being finite (NaN, or overflow to infinity), typically a learning rate
 * past the stability limit. Names the step and the quantity, so the command line can say where
 * (exit code 3).
 */
public final class DivergenceException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    private final double step;
    private final String quantity;

    public DivergenceException(String rung, double step, String quantity, String hint) {
        super(rung + " diverged at step " + format(step) + ": " + quantity + " is not finite" + (hint.isEmpty() ? "" : "; " + hint));
        this.step = step;
        this.quantity = quantity;
    }

    private static String format(double step) {
        return step == Math.rint(step) ? Long.toString((long) step) : Double.toString(step);
    }

    /** The step (in the top rung's steps) at which the state was first found not finite. */
    public double step() {
        return step;
    }

    /** What was not finite. */
    public String quantity() {
        return quantity;
    }
}
