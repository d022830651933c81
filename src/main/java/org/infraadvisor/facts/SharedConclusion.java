package org.infraadvisor.facts;

/**
 * A conclusion that many later ones build on: the strategy, a recommended accelerator, the top choice the costs and
 * risks are worked out for. Its own reasons are given once, on it; the reasons of what builds on it stop there
 * instead of repeating the chain behind it.
 */
public interface SharedConclusion {
}
