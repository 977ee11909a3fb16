package org.newsroom.voting.config;

import org.bson.types.ObjectId;

/** New ids: 24 hex characters that sort by creation time, so lists page newest first by id. */
public final class Ids {

    private Ids() {
    }

    public static String next() {
        return new ObjectId().toHexString();
    }
}
