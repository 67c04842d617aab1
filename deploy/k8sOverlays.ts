import { stringify } from 'yaml';
import { CONFIG, IMAGE, K8S_HEADER, literals, yamlDocuments } from './k8s';
import { processNames } from './variables';

/** The overlays: a namespace, their Kafka and log level, replica bounds and the image to run. */
const overlays = {
  dev: {
    namespace: 'tradeschool-dev',
    config: { LOG_LEVEL: 'debug', KAFKA_BROKERS: 'tradeschool-dev-kafka-bootstrap.kafka.svc:9092' },
    replicas: { min: 1, max: 2 },
    tag: 'dev',
  },
  prod: {
    namespace: 'tradeschool',
    config: { LOG_LEVEL: 'info', KAFKA_BROKERS: 'tradeschool-kafka-bootstrap.kafka.svc:9092' },
    replicas: { min: 2, max: 10 },
    tag: 'latest',
  },
};

export function overlayFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, overlay] of Object.entries(overlays)) {
    const dir = `deploy/k8s/overlays/${name}`;
    files[`${dir}/replicas.yaml`] = yamlDocuments(
      processNames.flatMap((process) => [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: process },
          spec: { replicas: overlay.replicas.min },
        },
        {
          apiVersion: 'autoscaling/v2',
          kind: 'HorizontalPodAutoscaler',
          metadata: { name: process },
          spec: { minReplicas: overlay.replicas.min, maxReplicas: overlay.replicas.max },
        },
      ]),
    );
    files[`${dir}/kustomization.yaml`] =
      K8S_HEADER +
      stringify({
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        namespace: overlay.namespace,
        // `bases`, deprecated since Kustomize 2.1 but still read by 5.x, because Debian's kubectl 1.20
        // (Kustomize 2.0.3, the CI fallback) accepts no directory under `resources`.
        bases: ['../../base'],
        // The overlay's Kafka (Strimzi's `<cluster>-kafka-bootstrap` Service) and log level.
        configMapGenerator: [{ name: CONFIG, behavior: 'merge', literals: literals(overlay.config) }],
        patchesStrategicMerge: ['replicas.yaml'],
        // Built from the repository's Dockerfile and pushed by your pipeline.
        images: [{ name: IMAGE, newName: `registry.example.com/tradeschool/${IMAGE}`, newTag: overlay.tag }],
      });
  }
  return files;
}
