package dev.studyboard.deploy;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * Loads Kubernetes manifests into the fabric8 model and rejects every field the model does not know.
 *
 * <p>fabric8 on its own is lenient on purpose: a client has to survive objects newer than its model, so every
 * model class keeps fields it does not know in an {@code additionalProperties} map. A misspelled field
 * ({@code containerPrt}, {@code readinesProbe}) would then pass without a word, and the cluster would refuse
 * it at apply time, or worse, drop it. To catch it in the build instead, this mapper takes away that
 * "any setter" and fails on unknown properties, the way {@code kubectl apply --validate=strict} does.
 */
final class StrictManifests {

    private static final KubernetesSerialization STRICT = new KubernetesSerialization(strictMapper(), true);

    private StrictManifests() {}

    /** Every object of a multi-document YAML stream (kustomize output), in order. */
    static List<HasMetadata> parseAll(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        int number = 0;
        for (Object document : new Yaml().loadAll(yaml)) {
            number++;
            if (document != null) { // an empty document, e.g. a trailing `---`
                objects.add(parse(document, "document " + number));
            }
        }
        return objects;
    }

    /** One manifest. */
    static HasMetadata parse(String yaml) {
        return parse(new Yaml().load(yaml), "manifest");
    }

    private static HasMetadata parse(Object document, String where) {
        if (!(document instanceof Map<?, ?> manifest)) {
            throw new InvalidManifestException(where + " is not a YAML mapping: " + document);
        }
        Object apiVersion = manifest.get("apiVersion");
        Object kind = manifest.get("kind");
        // An unknown kind would become a GenericKubernetesResource that accepts anything: refuse it by name.
        Class<? extends KubernetesResource> type = apiVersion instanceof String a && kind instanceof String k
                ? STRICT.getRegisteredKubernetesResource(a, k)
                : null;
        if (type == null || !HasMetadata.class.isAssignableFrom(type)) {
            throw new InvalidManifestException(
                    where + ": no Kubernetes kind '" + kind + "' in apiVersion '" + apiVersion + "'");
        }
        try {
            return (HasMetadata) STRICT.convertValue(manifest, type);
        } catch (IllegalArgumentException e) {
            throw new InvalidManifestException(
                    where + " (" + kind + " " + nameOf(manifest) + "): " + e.getMessage(), e);
        }
    }

    private static Object nameOf(Map<?, ?> manifest) {
        return manifest.get("metadata") instanceof Map<?, ?> metadata ? metadata.get("name") : null;
    }

    private static ObjectMapper strictMapper() {
        SimpleModule noAdditionalProperties = new SimpleModule("no-additional-properties");
        noAdditionalProperties.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(
                    DeserializationConfig config, BeanDescription bean, BeanDeserializerBuilder builder) {
                builder.setAnySetter(null); // no additionalProperties bucket for unknown fields ...
                builder.setIgnoreUnknownProperties(false);
                return builder;
            }
        });
        return new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // ... so an unknown field is an error
                .registerModule(noAdditionalProperties);
    }
}
