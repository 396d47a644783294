package io.devshare.helm;

import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** The resources of one rendering, with look-ups by kind, name and component. */
record Manifests(List<HasMetadata> resources) {

    static final String COMPONENT_LABEL = "app.kubernetes.io/component";

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream()
                .filter(r -> name.equals(r.getMetadata().getName()))
                .findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name)
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name + " in "
                        + resources.stream()
                                .map(r -> r.getKind() + "/" + r.getMetadata().getName())
                                .toList()));
    }

    /** Every resource labelled as belonging to a service (app.kubernetes.io/component). */
    List<HasMetadata> ofComponent(String service) {
        return resources.stream()
                .filter(r -> r.getMetadata().getLabels() != null
                        && service.equals(r.getMetadata().getLabels().get(COMPONENT_LABEL)))
                .toList();
    }

    Deployment deployment(String service) {
        return get(Deployment.class, Chart.RELEASE + "-" + service);
    }

    static Container container(Deployment deployment) {
        List<Container> containers =
                deployment.getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(deployment.getMetadata().getName() + " has " + containers.size() + " containers");
        }
        return containers.get(0);
    }

    static Optional<EnvVar> env(Deployment deployment, String name) {
        return container(deployment).getEnv().stream()
                .filter(e -> name.equals(e.getName()))
                .findFirst();
    }

    /** The literal value of a variable; fails when it is missing or comes from elsewhere. */
    static String envValue(Deployment deployment, String name) {
        EnvVar env = env(deployment, name)
                .orElseThrow(() -> new AssertionError(deployment.getMetadata().getName() + " has no env " + name));
        if (env.getValueFrom() != null) {
            throw new AssertionError(name + " is not a literal value: " + env.getValueFrom());
        }
        return env.getValue();
    }
}
