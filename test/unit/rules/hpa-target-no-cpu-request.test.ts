import { ruleTester } from "../../helpers/ruleTester";

const hpa = (metrics: string, target = "api", kind = "Deployment") => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: api
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: ${kind}
    name: ${target}
  minReplicas: 2
  maxReplicas: 10
${metrics}`;

const cpu = `  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
`;

const workload = (containers: string, kind = "Deployment") => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: api
spec:
  template:
    spec:
      containers:
${containers}`;

const api = "        - name: api\n          image: registry.example.test/api:1.4.2\n";
const withRequests = (requests: string) =>
  `${api}          resources:\n            requests: {${requests}}\n`;

const deployment = { "k8s/deployment.yaml": workload(api) };

ruleTester("hpa-target-no-cpu-request", {
  valid: [
    {
      name: "the target requests CPU",
      file: "k8s/hpa.yaml",
      code: hpa(cpu),
      files: { "k8s/deployment.yaml": workload(withRequests("cpu: 250m")) },
    },
    {
      name: "custom metrics do not need requests",
      file: "k8s/hpa.yaml",
      code: hpa(
        "  metrics:\n    - type: Pods\n      pods:\n        metric: {name: http_requests_per_second}\n        target: {type: AverageValue, averageValue: '100'}\n",
      ),
      files: deployment,
    },
    {
      name: "the target is not in the workspace",
      file: "k8s/hpa.yaml",
      code: hpa(cpu, "billing"),
      files: deployment,
    },
    {
      name: "an absolute memory target does not need a request",
      file: "k8s/hpa.yaml",
      code: hpa(
        "  metrics:\n    - type: Resource\n      resource:\n        name: memory\n        target: {type: AverageValue, averageValue: 500Mi}\n",
      ),
      files: deployment,
    },
    {
      name: "a container metric on a container that has the request",
      file: "k8s/hpa.yaml",
      code: hpa(
        "  metrics:\n    - type: ContainerResource\n      containerResource:\n        name: cpu\n        container: api\n        target: {type: Utilization, averageUtilization: 60}\n",
      ),
      files: {
        "k8s/deployment.yaml": workload(
          `${withRequests("cpu: 250m")}        - name: proxy\n          image: registry.example.test/proxy:2.0.1\n`,
        ),
      },
    },
    {
      name: "a CPU limit counts as the request",
      file: "k8s/hpa.yaml",
      code: hpa(cpu),
      files: {
        "k8s/deployment.yaml": workload(
          `${api}          resources:\n            limits: {cpu: 500m}\n`,
        ),
      },
    },
    {
      name: "a namespace LimitRange gives a default request",
      file: "k8s/hpa.yaml",
      code: hpa(cpu),
      files: {
        ...deployment,
        "k8s/limits.yaml":
          "apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\nspec:\n  limits:\n    - type: Container\n      defaultRequest: {cpu: 100m}\n",
      },
    },
    {
      name: "Helm metrics from values are unknown",
      file: "chart/templates/hpa.yaml",
      code: hpa("  metrics:\n    {{- toYaml .Values.autoscaling.metrics | nindent 4 }}\n"),
      files: { "chart/Chart.yaml": "apiVersion: v2\nname: api\nversion: 0.1.0\n", ...deployment },
    },
    {
      name: "templated target in a Helm chart",
      file: "chart/templates/hpa.yaml",
      code: hpa(cpu, '{{ include "api.fullname" . }}'),
      files: { "chart/Chart.yaml": "apiVersion: v2\nname: api\nversion: 0.1.0\n", ...deployment },
    },
  ],
  invalid: [
    {
      name: "CPU utilisation, target in another file without requests",
      file: "k8s/hpa.yaml",
      code: hpa(cpu),
      files: deployment,
      findings: [{ line: 15, column: 15, messageIncludes: "CPU request" }],
      output: hpa(cpu),
      outputFiles: {
        "k8s/deployment.yaml": workload(
          `${api}          resources:\n            requests:\n              cpu: 100m\n`,
        ),
      },
      recheckFixedFiles: true,
    },
    {
      name: "autoscaling/v1 targetCPUUtilizationPercentage",
      file: "k8s/hpa.yaml",
      code: hpa("  targetCPUUtilizationPercentage: 75\n").replace(
        "autoscaling/v2",
        "autoscaling/v1",
      ),
      files: { "k8s/deployment.yaml": workload(withRequests("memory: 256Mi")) },
      findings: [{ line: 12, column: 3 }],
      outputFiles: {
        "k8s/deployment.yaml": workload(withRequests("memory: 256Mi, cpu: 100m")),
      },
      recheckFixedFiles: true,
    },
    {
      name: "no metrics: the default is 80% CPU",
      file: "k8s/hpa.yaml",
      code: hpa(""),
      files: deployment,
      findings: [{ line: 9, column: 11 }],
    },
    {
      name: "memory utilisation",
      file: "k8s/hpa.yaml",
      code: hpa(
        "  metrics:\n    - type: Resource\n      resource:\n        name: memory\n        target: {type: Utilization, averageUtilization: 80}\n",
      ),
      files: { "k8s/deployment.yaml": workload(withRequests("cpu: 250m")) },
      findings: [{ line: 15, column: 15, messageIncludes: "memory request" }],
      outputFiles: {
        "k8s/deployment.yaml": workload(withRequests("cpu: 250m, memory: 128Mi")),
      },
      recheckFixedFiles: true,
    },
    {
      name: "a container metric on the sidecar without a request",
      file: "k8s/hpa.yaml",
      code: hpa(
        "  metrics:\n    - type: ContainerResource\n      containerResource:\n        name: cpu\n        container: proxy\n        target: {type: Utilization, averageUtilization: 60}\n",
      ),
      files: {
        "k8s/deployment.yaml": workload(
          `${withRequests("cpu: 250m")}        - name: proxy\n          image: registry.example.test/proxy:2.0.1\n`,
        ),
      },
      findings: [{ line: 15, column: 15, messageIncludes: "proxy" }],
    },
    {
      name: "HPA and StatefulSet in one file",
      file: "k8s/db.yaml",
      code: `${workload(api, "StatefulSet")}---\n${hpa(cpu, "api", "StatefulSet")}`,
      findings: [{ line: 26, column: 15 }],
      output: `${workload(`${api}          resources:\n            requests:\n              cpu: 100m\n`, "StatefulSet")}---\n${hpa(cpu, "api", "StatefulSet")}`,
    },
    {
      name: "a KEDA cpu trigger",
      file: "k8s/keda.yaml",
      code: "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: api\nspec:\n  scaleTargetRef:\n    name: api\n  triggers:\n    - type: cpu\n      metricType: Utilization\n      metadata: {value: '60'}\n",
      files: deployment,
      findings: [{ line: 9, column: 13 }],
    },
  ],
});
