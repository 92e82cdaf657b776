"""Write training runs in the files theorycheck reads, so that its claims can be checked on them.

A claim check with ``rung: external`` and ``runs: DIR`` reads the run of seed n from ``DIR/seed-<n>/``:
``trace.csv`` (``step``, then one column per series) and the theory's tables, the files ``theorycheck
train --out`` writes. docs/external-runs.md describes the form every theory shares, and
docs/runs-scan-and-snap.md and docs/runs-deep-linear.md the columns of each theory.

Plain Python (the csv module); numbers may be Python floats, numpy values or torch tensors (anything with
``tolist()`` or ``float()``). Floats are written with ``repr``, which reads back to the same double. A value
that is not defined at a step (``None``, or NaN where a column allows it) is an empty field; an infinite
value is refused here, since theorycheck refuses it too (a run that reached it diverged).

    from theorycheck_runs import ScanSnapRun

    run = ScanSnapRun("runs/mine/seed-1", probabilities)   # P(l|n), K x M, e.g. scan_and_snap_classes(...)
    for step in ...:
        run.record(step, loss, z_rows)                     # z_rows[n][l] = z_{psi(n), l}, K x M
    run.write()
"""

import csv
import math
import os

__all__ = ["write_csv", "scan_and_snap_classes", "ScanSnapRun", "ScanSnapTextRun", "deep_linear_modes", "DeepLinearRun"]


def _float(value):
    """A number as a Python float (torch and numpy scalars included); None stays None."""
    if value is None:
        return None
    if hasattr(value, "item"):
        value = value.item()
    return float(value)


def _field(value, column, step):
    value = _float(value)
    if value is None or math.isnan(value):
        return ""
    if math.isinf(value):
        raise ValueError(f"{column} is {value} at step {step}: the run diverged, and theorycheck cannot check it")
    return repr(value)


def _step(step):
    step = _float(step)
    return str(int(step)) if step == int(step) else repr(step)


def _rows(matrix):
    """A K x M matrix (nested lists, numpy array or torch tensor) as nested lists of floats."""
    if hasattr(matrix, "detach"):
        matrix = matrix.detach().cpu()
    if hasattr(matrix, "tolist"):
        matrix = matrix.tolist()
    return [[_float(v) for v in row] for row in matrix]


def write_csv(path, header, rows):
    """Writes one CSV file: a header, then rows of already formatted fields (through a temporary file, so that an
    interrupted write leaves no torn file behind)."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    partial = path + ".partial"
    with open(partial, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)
    os.replace(partial, path)


def scan_and_snap_classes(queries, next_per_query, common, common_per_query, distinct_per_next, common_weight,
                          distinct_weights, **_):
    """The synthetic sequence classes of a Scan and Snap experiment, laid out as theorycheck lays them out.

    Takes the keys of the experiment's ``data:`` section (``context`` and others are ignored). The vocabulary is
    [C common][Q blocks of C_q per-query common][K blocks of D distinct][Q query tokens][K next tokens]; class
    n = q R + j has query token q and distinct block n, and P(l|n) is its weights normalised (common tokens:
    common_weight; its D distinct tokens: evenly spaced from distinct_weights[0] to distinct_weights[1]).

    Returns a dict: ``probabilities`` (K lists of M floats), ``query_token`` and ``next_token`` (K vocabulary
    indices each) and ``vocabulary`` (M).
    """
    low, high = distinct_weights
    k = queries * next_per_query
    m = common + queries * common_per_query + k * distinct_per_next + queries + k
    per_query_start = common
    distinct_start = per_query_start + queries * common_per_query
    query_start = distinct_start + k * distinct_per_next
    next_start = query_start + queries
    if distinct_per_next == 1:
        weights = [low]
    else:
        step = (high - low) / (distinct_per_next - 1)
        weights = [low + i * step for i in range(distinct_per_next)]
        weights[-1] = high
    probabilities, query_token, next_token = [], [], []
    for n in range(k):
        q = n // next_per_query
        w = [0.0] * m
        for l in range(common):
            w[l] = common_weight
        for i in range(common_per_query):
            w[per_query_start + q * common_per_query + i] = common_weight
        for i in range(distinct_per_next):
            w[distinct_start + n * distinct_per_next + i] = weights[i]
        total = sum(w)
        probabilities.append([v / total for v in w])
        query_token.append(query_start + q)
        next_token.append(next_start + n)
    return {"probabilities": probabilities, "query_token": query_token, "next_token": next_token, "vocabulary": m}


class ScanSnapRun:
    """One run of Scan and Snap on the synthetic classes: ``trace.csv`` and ``attention.csv``.

    ``probabilities`` is P(l|n), K x M: attention.csv holds one row per recorded step, class n and token l with
    P(l|n) > 0. Record the steps the experiment records: 0, train.record_every, 2 train.record_every, ... and
    train.steps (step s is the state after s updates).

    ``yz_model``: the run trains the YZ model itself (the experiment's rung is ``sgd``), whose trace also holds
    the largest drift of a row sum of Y and of Z since step 0 (Lemma 1); give them to ``record``.
    """

    def __init__(self, directory, probabilities, yz_model=False):
        self.directory = directory
        self.support = [[l for l, p in enumerate(row) if p > 0] for row in _rows(probabilities)]
        self.yz_model = yz_model
        self.trace = []
        self.attention = []

    def record(self, step, loss, z_rows, measured=None, row_sum_drift_y=None, row_sum_drift_z=None):
        """Records the state after ``step`` updates.

        loss: the training loss (nats) at this step, or None if not defined.
        z_rows: K x M, z_rows[n][l] the attention logit of the query of class n for token l (the query's row
            of Z; for a transformer the effective logit, before the softmax). Only tokens of the class's support
            are written.
        measured: optionally K x M, the attention the query actually paid to token l, averaged over samples of
            class n (column ``a``).
        row_sum_drift_y, row_sum_drift_z: with ``yz_model``, max_r |sum_c A_rc(t) - sum_c A_rc(0)| of Y and of Z.
        """
        if self.trace and _float(step) <= _float(self.trace[-1][0]):
            raise ValueError(f"step {step} after step {self.trace[-1][0]}: record the steps in increasing order")
        row = [_step(step), _field(loss, "loss", step)]
        if self.yz_model:
            if row_sum_drift_y is None or row_sum_drift_z is None:
                raise ValueError("a run of the YZ model records row_sum_drift_y and row_sum_drift_z at every step")
            row += [_field(row_sum_drift_y, "row_sum_drift_y", step), _field(row_sum_drift_z, "row_sum_drift_z", step)]
        self.trace.append(row)
        z = _rows(z_rows)
        a = _rows(measured) if measured is not None else None
        for n, support in enumerate(self.support):
            for l in support:
                fields = [_step(step), str(n), str(l), _field(z[n][l], "z", step)]
                if a is not None:
                    fields.append(_field(a[n][l], "a", step))
                self.attention.append(fields)

    def write(self):
        """Writes trace.csv and attention.csv into the run's directory."""
        header = ["step", "loss"] + (["row_sum_drift_y", "row_sum_drift_z"] if self.yz_model else [])
        write_csv(os.path.join(self.directory, "trace.csv"), header, self.trace)
        columns = ["step", "next_token", "token", "z"]
        if self.attention and len(self.attention[0]) == 5:
            columns.append("a")
        write_csv(os.path.join(self.directory, "attention.csv"), columns, self.attention)


class ScanSnapTextRun:
    """One run of a transformer on text: ``trace.csv`` and ``attention_maps.csv``.

    Record, at every recorded step, the training loss, the validation perplexity, each layer's mean attention
    entropy (nats), each layer's mean L1 change of an attention row per iteration since the previous record (None
    at the first), and layer 0's attention map on a fixed window (L x L, row: query position, causal).
    """

    def __init__(self, directory, layers):
        self.directory = directory
        self.layers = layers
        self.trace = []
        self.maps = []

    def record(self, step, loss, val_perplexity, entropy, change, attention_map):
        if len(entropy) != self.layers or len(change) != self.layers:
            raise ValueError(f"entropy and change need one value per layer ({self.layers})")
        row = [_step(step), _field(loss, "loss", step), _field(val_perplexity, "val_perplexity", step)]
        row += [_field(e, f"entropy_{i}", step) for i, e in enumerate(entropy)]
        row += [_field(c, f"change_{i}", step) for i, c in enumerate(change)]
        self.trace.append(row)
        for q, weights in enumerate(_rows(attention_map)):
            for k in range(q + 1):
                self.maps.append([_step(step), str(q), str(k), _field(weights[k], "p", step)])

    def write(self):
        header = ["step", "loss", "val_perplexity"] + [f"entropy_{i}" for i in range(self.layers)] \
            + [f"change_{i}" for i in range(self.layers)]
        write_csv(os.path.join(self.directory, "trace.csv"), header, self.trace)
        write_csv(os.path.join(self.directory, "attention_maps.csv"), ["step", "query", "key", "p"], self.maps)


def deep_linear_modes(sigma31):
    """The modes of a deep-linear task (Saxe et al. 2014, eq 3): Sigma31 = sum_mu y x^T (N3 x N1) = U S V^T.

    Returns (u, s, v): u is N3 x r and v N1 x r as nested lists (column alpha is mode alpha + 1), s descending,
    r = min(N1, N3). The sign of each pair is theorycheck's: the entry of v_alpha of largest magnitude (the first
    such on ties) is positive, so that mode strengths come out as theorycheck computes them. Needs numpy.
    """
    import numpy as np

    m = np.asarray(_rows(sigma31), dtype=float)
    left, s, right_t = np.linalg.svd(m, full_matrices=False)
    right = right_t.T
    for a in range(len(s)):
        k = int(np.argmax(np.abs(right[:, a])))
        if right[k, a] < 0:
            left[:, a] = -left[:, a]
            right[:, a] = -right[:, a]
    return left.tolist(), s.tolist(), right.tolist()


class DeepLinearRun:
    """One run of a deep linear network (Saxe et al. 2014): ``trace.csv``, docs/runs-deep-linear.md.

    ``u`` (N3 x r) and ``v`` (N1 x r) are the task's singular vectors, e.g. from ``deep_linear_modes``; ``modes``
    the 1-based modes to record, the experiment's ``trace.modes`` (all r if not given there). Record the steps the
    experiment records, in its units: a full-batch update, or an epoch of SGD, is one step.
    """

    def __init__(self, directory, u, v, modes):
        self.directory = directory
        self.u = _rows(u)
        self.v = _rows(v)
        self.modes = list(modes)
        self.rows = []
        self.optional = None

    def record(self, step, w_total, loss, **optional):
        """Records the state after ``step`` steps.

        w_total: W_tot = W_{N_l-1} ... W_1 (N3 x N1), the product of the layers' weights.
        loss: sum over the examples of ||y - W_tot x||^2 (a sum, no 1/2, no 1/P).
        optional: any of conserved_drift, offdiag, offdiag_layers, best_rank_gap, wtot_norm (the same at every
            step); wtot_norm is computed from w_total when not given.
        """
        if self.rows and _float(step) <= _float(self.rows[-1][0]):
            raise ValueError(f"step {step} after step {self.rows[-1][0]}: record the steps in increasing order")
        w = _rows(w_total)
        optional.setdefault("wtot_norm", math.sqrt(sum(x * x for row in w for x in row)))
        names = sorted(optional)
        if self.optional is None:
            self.optional = names
        elif names != self.optional:
            raise ValueError(f"step {step} records {names}, earlier steps {self.optional}: the same columns at every step")
        row = [_step(step)]
        for alpha in self.modes:
            a = alpha - 1
            strength = sum(self.u[i][a] * w[i][j] * self.v[j][a] for i in range(len(w)) for j in range(len(w[i])))
            row.append(_field(strength, f"u_{alpha}", step))
        row.append(_field(loss, "loss", step))
        row += [_field(optional[name], name, step) for name in names]
        self.rows.append(row)

    def write(self):
        """Writes trace.csv into the run's directory."""
        header = ["step"] + [f"u_{alpha}" for alpha in self.modes] + ["loss"] + (self.optional or [])
        write_csv(os.path.join(self.directory, "trace.csv"), header, self.rows)
