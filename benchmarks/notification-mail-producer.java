// Benchmark helper of benchmarks/notification-mail.sh: puts share.granted CloudEvents on sharing-events, each with
// the time it was produced (CloudEvent "time" and data.occurredAt), for the notification-service benchmark.
//
//   java -cp <kafka-clients and slf4j-api jars> notification-mail-producer.java BOOTSTRAP RUN COUNT ORGS [PREFIX]
//
// Event i goes from owner nbench-RUN-owner to grantee nbench-RUN-gNN (NN = i mod ORGS), sharing one device.
// Event ids are PREFIX-RUN-i (PREFIX defaults to "bench"). Prints how long producing took.
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

public class NotificationMailProducer {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String run = args[1];
        int count = Integer.parseInt(args[2]);
        int orgs = Integer.parseInt(args[3]);
        String prefix = args.length > 4 ? args[4] : "bench";
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("acks", "all");
        p.put("linger.ms", "5");
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < count; i++) {
                String actionId = UUID.randomUUID().toString();
                String now = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
                String grantee = String.format("nbench-%s-g%02d", run, i % orgs);
                String json = "{\"specversion\":\"1.0\",\"id\":\"" + prefix + "-" + run + "-" + i + "\","
                        + "\"source\":\"urn:devshare:sharing-service\",\"type\":\"io.devshare.sharing.share.granted\","
                        + "\"subject\":\"" + actionId + "\",\"time\":\"" + now + "\","
                        + "\"datacontenttype\":\"application/json\",\"data\":{\"actionId\":\"" + actionId + "\","
                        + "\"grantIds\":[\"" + UUID.randomUUID() + "\"],\"ownerOrg\":\"nbench-" + run + "-owner\","
                        + "\"granteeOrg\":\"" + grantee + "\",\"role\":\"VIEWER\",\"deviceIds\":[\""
                        + UUID.randomUUID() + "\"],\"groupId\":null,\"startsAt\":null,\"endsAt\":null,"
                        + "\"reason\":null,\"actor\":null,\"occurredAt\":\"" + now + "\"}}";
                ProducerRecord<String, String> record = new ProducerRecord<>("sharing-events", actionId, json);
                record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes());
                producer.send(record);
            }
            producer.flush();
        }
        System.out.printf("produced %d share.granted events in %.1f s%n", count, (System.nanoTime() - t0) / 1e9);
    }
}
