package org.theorycheck.torch;

import ai.djl.ndarray.NDArray;

/**
 * One trained tensor under its PyTorch {@code state_dict} name (the attention's packed
 * {@code in_proj_weight} split into {@code q_proj}, {@code k_proj}, {@code v_proj}, so that each can have
 * its own rate).
 */
public record TorchParameter(String name, NDArray value) {}
