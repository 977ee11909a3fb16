package org.newsroom.voting.poll;

/** EQUAL: every ballot weighs 1. TIER: a ballot weighs the voter's tier weight when cast. */
public enum Weighting { EQUAL, TIER }
