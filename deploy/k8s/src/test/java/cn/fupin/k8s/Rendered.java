package cn.fupin.k8s;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/** A kustomization's resources as rendered, found by kind and name. */
record Rendered(String name, List<JsonNode> resources) {

    static final List<String> OVERLAYS = List.of("county", "province");

    static Rendered overlay(String overlay) {
        return new Rendered(overlay, Kustomize.render(Repo.resolve("deploy/k8s/overlays/" + overlay)));
    }

    Stream<JsonNode> all(String kind) {
        return resources.stream().filter(resource -> resource.path("kind").asString("").equals(kind));
    }

    Optional<JsonNode> find(String kind, String name) {
        return all(kind).filter(resource -> name(resource).equals(name)).findFirst();
    }

    JsonNode one(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new NoSuchElementException(this.name + " renders no " + kind + " "
                + name));
    }

    /** The first container of each Deployment, by the Deployment's name (each Fupin pod has one). */
    Stream<JsonNode> deployments() {
        return all("Deployment");
    }

    static JsonNode container(JsonNode deployment) {
        return deployment.at("/spec/template/spec/containers/0");
    }

    static String name(JsonNode resource) {
        return resource.at("/metadata/name").asString("");
    }

    /** A ConfigMap's value, as a pod reading it with configMapKeyRef gets it. */
    String configValue(String configMap, String key) {
        JsonNode value = one("ConfigMap", configMap).at("/data/" + key);
        if (value.isMissingNode()) {
            throw new NoSuchElementException(name + ": ConfigMap " + configMap + " has no " + key);
        }
        return value.asString();
    }

    @Override
    public String toString() {
        return name;
    }
}
