package org.newsroom.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.systemtests.NewsroomStack.Running;

/** Journey 1: a reader registers, signs in, lists and reads articles, and is refused a patron-only body. */
@ExtendWith(NewsroomStack.class)
class AReaderIsRefusedThePatronOnlyBodyJourneyTest {

    private static Gateway gateway;
    private static String patronOnlySlug;
    private static String patronOnlySentence;

    @BeforeAll
    static void anEditorHasPublishedAPatronOnlyArticle(Running stack) {
        gateway = Gateway.fromNewAddress(stack.gatewayUrl());
        patronOnlySentence = "The contract was signed on a Sunday " + UUID.randomUUID() + ".";
        Answer published = Editor.demo(gateway).publish("What the contract says " + UUID.randomUUID(),
                "The contract runs to 80 pages.\n\n" + patronOnlySentence + "\n\nNobody read it before we did.",
                "PATRONS", null);
        patronOnlySlug = published.text("$.slug");
    }

    @AfterAll
    static void noServiceFailed() {
        gateway.assertNoServerErrors();
    }

    @Test
    void aReaderListsAndReadsArticlesButGetsOnlyTheTeaserOfAPatronOnlyOne() {
        Person reader = Person.registerReader(gateway, "Rita Reader");
        Answer me = reader.get("/api/members/me").expect(200);
        assertThat(me.text("$.email")).isEqualTo(reader.email());
        assertThat(me.<List<String>>json("$.roles")).containsExactly("READER");

        Answer list = reader.get("/api/articles?limit=50").expect(200);
        assertThat(list.contentType()).startsWith("application/json");
        assertThat(list.<Map<String, Object>>json("$")).containsKeys("items", "next");
        List<Map<String, Object>> items = list.json("$.items");
        assertThat(items).extracting(i -> i.get("slug")).contains(patronOnlySlug);
        assertThat(list.<List<Boolean>>json("$.items[?(@.slug == '" + patronOnlySlug + "')].patronsOnly"))
                .containsExactly(true);

        String publicSlug = list.<List<String>>json("$.items[?(@.patronsOnly == false)].slug").get(0);
        Answer publicArticle = reader.get("/api/articles/" + publicSlug).expect(200);
        assertThat(publicArticle.text("$.html")).isNotBlank();
        assertThat(publicArticle.<Boolean>json("$.patronsOnly")).isFalse();
        assertThat(publicArticle.header("ETag")).isPresent();

        Answer teaser = reader.get("/api/articles/" + patronOnlySlug).expect(200);
        assertThat(teaser.<Boolean>json("$.patronsOnly")).isTrue();
        assertThat(teaser.text("$.html")).as("what a reader gets of a patron-only article")
                .doesNotContain(patronOnlySentence).contains("The contract runs to 80 pages.");

        Answer anonymous = gateway.get("/api/articles/" + patronOnlySlug).expect(200);
        assertThat(anonymous.text("$.html")).doesNotContain(patronOnlySentence);

        // the sentence is there for those who may read it: the refusal above is not an empty article
        Answer full = Editor.demo(gateway).person().get("/api/articles/" + patronOnlySlug).expect(200);
        assertThat(full.text("$.html")).contains(patronOnlySentence);
    }
}
