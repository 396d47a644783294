package io.devshare.notification.messaging;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * Readiness that means consuming: each channel's consumer is a member of the group once a rebalance has completed
 * for it (the group answered its join, with partitions or, on a replica beyond the partition count, with none), and
 * stops being one when its partitions are lost (the broker evicted it). A replica started while a killed consumer
 * still holds the partitions is not ready until the broker has evicted that consumer and handed the partitions on —
 * then it mails what waited. A replica with no partition is ready (it serves the API and stands by), so scaling
 * beyond the partition count or a rolling update with a surge pod never waits for partitions that will not come.
 */
@ApplicationScoped
@Readiness
@Identifier(ConsumerMembership.NAME)
public class ConsumerMembership implements KafkaConsumerRebalanceListener, HealthCheck {

    static final String NAME = "devshare-consumer-membership";

    private final List<String> topics;
    private final Set<String> members = ConcurrentHashMap.newKeySet();

    @Inject
    public ConsumerMembership(
            @ConfigProperty(
                            name = "devshare.consumers.readiness-topics",
                            defaultValue = "partner-events,sharing-events,project-events,device-events")
                    List<String> topics) {
        this.topics = List.copyOf(topics);
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        members.addAll(consumer.subscription());
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        members.removeAll(consumer.subscription());
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka consumer group membership");
        boolean all = true;
        for (String topic : topics) {
            boolean member = members.contains(topic);
            response.withData(topic, member ? "consuming" : "waiting for the group");
            all &= member;
        }
        return response.status(all).build();
    }
}
