/**
 * The deep-linear theory: Saxe, McClelland and Ganguli, "Exact solutions to the nonlinear dynamics of
 * learning in deep linear neural networks" (ICLR 2014). Equation numbers are the paper's own.
 *
 * <p>Sub-packages: {@code linalg} (dense row-major matrices and the kernels of the hot loops),
 * {@code task} (the data: input and input-output correlations and their SVD), {@code network} (widths,
 * weights, initialisations), {@code closedform} (the paper's scalar equations and closed forms),
 * {@code ladder} (the rungs from SGD down to the closed forms, all writing one trace), {@code measure}
 * (one deviation per checkable prediction) and {@code symbolic} (Symja checks of the closed forms).
 */
package org.theorycheck.theories.deeplinear;
