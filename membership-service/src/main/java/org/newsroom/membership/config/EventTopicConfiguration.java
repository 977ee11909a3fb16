package org.newsroom.membership.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topic this service publishes to: six partitions, keyed by member id. */
@Configuration(proxyBeanMethods = false)
class EventTopicConfiguration {

    @Bean
    NewTopic membershipTopic(@Value("${newsroom.events.topic}") String topic,
            @Value("${newsroom.events.partitions:6}") int partitions) {
        return TopicBuilder.name(topic).partitions(partitions).build();
    }
}
