package dev.studyboard.deploy;

import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.util.ArrayList;
import java.util.List;

/**
 * A pod's (or an Ingress's) reference to a ConfigMap or Secret by name, and to one key of it when it reads
 * a single value. Kubernetes accepts such a manifest even when the object is missing: the pod then hangs in
 * CreateContainerConfigError, which is exactly what these references are checked for.
 */
record Reference(Kind kind, String name, String key, boolean optional, String where) {

    enum Kind {
        CONFIG_MAP,
        SECRET
    }

    static List<Reference> of(PodSpec pod) {
        List<Reference> references = new ArrayList<>();
        List<Container> containers = new ArrayList<>(pod.getInitContainers());
        containers.addAll(pod.getContainers());
        for (Container container : containers) {
            for (EnvVar env : container.getEnv()) {
                if (env.getValueFrom() == null) {
                    continue;
                }
                String where = "env " + env.getName() + " of container " + container.getName();
                ConfigMapKeySelector configMapKey = env.getValueFrom().getConfigMapKeyRef();
                if (configMapKey != null) {
                    references.add(new Reference(
                            Kind.CONFIG_MAP,
                            configMapKey.getName(),
                            configMapKey.getKey(),
                            Boolean.TRUE.equals(configMapKey.getOptional()),
                            where));
                }
                SecretKeySelector secretKey = env.getValueFrom().getSecretKeyRef();
                if (secretKey != null) {
                    references.add(new Reference(
                            Kind.SECRET,
                            secretKey.getName(),
                            secretKey.getKey(),
                            Boolean.TRUE.equals(secretKey.getOptional()),
                            where));
                }
            }
            for (EnvFromSource source : container.getEnvFrom()) {
                String where = "envFrom of container " + container.getName();
                if (source.getConfigMapRef() != null) {
                    references.add(new Reference(
                            Kind.CONFIG_MAP,
                            source.getConfigMapRef().getName(),
                            null,
                            Boolean.TRUE.equals(source.getConfigMapRef().getOptional()),
                            where));
                }
                if (source.getSecretRef() != null) {
                    references.add(new Reference(
                            Kind.SECRET,
                            source.getSecretRef().getName(),
                            null,
                            Boolean.TRUE.equals(source.getSecretRef().getOptional()),
                            where));
                }
            }
        }
        for (Volume volume : pod.getVolumes()) {
            String where = "volume " + volume.getName();
            if (volume.getConfigMap() != null) {
                references.add(new Reference(
                        Kind.CONFIG_MAP,
                        volume.getConfigMap().getName(),
                        null,
                        Boolean.TRUE.equals(volume.getConfigMap().getOptional()),
                        where));
            }
            if (volume.getSecret() != null) {
                references.add(new Reference(
                        Kind.SECRET,
                        volume.getSecret().getSecretName(),
                        null,
                        Boolean.TRUE.equals(volume.getSecret().getOptional()),
                        where));
            }
            if (volume.getProjected() != null) {
                for (VolumeProjection projection : volume.getProjected().getSources()) {
                    if (projection.getConfigMap() != null) {
                        references.add(new Reference(
                                Kind.CONFIG_MAP,
                                projection.getConfigMap().getName(),
                                null,
                                Boolean.TRUE.equals(projection.getConfigMap().getOptional()),
                                where));
                    }
                    if (projection.getSecret() != null) {
                        references.add(new Reference(
                                Kind.SECRET,
                                projection.getSecret().getName(),
                                null,
                                Boolean.TRUE.equals(projection.getSecret().getOptional()),
                                where));
                    }
                }
            }
        }
        for (LocalObjectReference pullSecret : pod.getImagePullSecrets()) {
            references.add(new Reference(Kind.SECRET, pullSecret.getName(), null, false, "imagePullSecrets"));
        }
        return references;
    }

    static List<Reference> of(Ingress ingress) {
        List<Reference> references = new ArrayList<>();
        for (IngressTLS tls : ingress.getSpec().getTls()) {
            references.add(new Reference(
                    Kind.SECRET,
                    tls.getSecretName(),
                    null,
                    false,
                    "tls of Ingress " + ingress.getMetadata().getName()));
        }
        return references;
    }
}
