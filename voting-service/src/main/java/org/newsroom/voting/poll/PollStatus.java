package org.newsroom.voting.poll;

public enum PollStatus { SCHEDULED, OPEN, CLOSED }
