package org.newsroom.voting.poll;

/** SINGLE: exactly one choice. APPROVAL: one up to the poll's maxChoices. */
public enum VotingRule { SINGLE, APPROVAL }
