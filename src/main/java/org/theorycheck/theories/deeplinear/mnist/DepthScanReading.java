package org.theorycheck.theories.deeplinear.mnist;

import org.theorycheck.theories.deeplinear.network.Initialisation;
import org.theorycheck.theories.deeplinear.task.Task;

/**
 * How the depth-scan quantities read the theory's experiments: the experiment sweeps one key, the depth,
 * and says everything else of the scan (the task, the hidden width, the initialisation, the rate grid and the
 * budget of a rate).
 *
 * @param <E> the theory's experiment type
 */
public interface DepthScanReading<E> {

    /** The swept key that gives the depth N_l, e.g. {@code model.depth}. */
    String depthKey();

    /** The task; built once per scan. */
    Task task(E experiment);

    /** N_l of one cell of the sweep. */
    int depth(E experiment);

    /** The width of every hidden layer. */
    int hidden(E experiment);

    Initialisation init(E experiment);

    /** The rate grid searched (any order). */
    double[] rates(E experiment);

    /** The budget of a rate: a rate that has not reached the threshold after this many iterations does not count. */
    int maxIterations(E experiment);
}
