package org.newsroom.voting.config;

import java.util.concurrent.ThreadLocalRandom;

import org.bson.types.ObjectId;

/**
 * New ids in UUID form that sort by creation time (an ObjectId's time and counter, then random
 * bits), so lists page newest first by id. Not ObjectId-shaped on purpose: MongoDB mapping would
 * turn a 24-hex string id into an ObjectId in some queries and not in others.
 */
public final class Ids {

    private Ids() {
    }

    public static String next() {
        String hex = new ObjectId().toHexString() + String.format("%08x", ThreadLocalRandom.current().nextInt());
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 32);
    }
}
