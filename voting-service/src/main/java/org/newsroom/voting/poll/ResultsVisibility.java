package org.newsroom.voting.poll;

/** LIVE: tallies are public while the poll runs. AFTER_CLOSE: only once it closed. */
public enum ResultsVisibility { LIVE, AFTER_CLOSE }
