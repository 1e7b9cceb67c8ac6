import { ruleTester } from "../../helpers/ruleTester";

const deployment = (replicas: string, extra = "", kind = "Deployment") => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: api
spec:
${replicas}  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: registry.example.test/api:1.4.2
${extra}`;

const hpa = (target: string, namespace = "") => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: api
${namespace}spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${target}
  minReplicas: 2
  maxReplicas: 10
`;

const chart = { "chart/Chart.yaml": "apiVersion: v2\nname: api\nversion: 0.1.0\n" };

ruleTester("k8s-single-replica", {
  valid: [
    { name: "three replicas", file: "k8s/api.yaml", code: deployment("  replicas: 3\n") },
    {
      name: "an HPA in another file scales it",
      file: "k8s/api.yaml",
      code: deployment("  replicas: 1\n"),
      files: { "k8s/hpa.yaml": hpa("api") },
    },
    {
      name: "StatefulSet",
      file: "k8s/db.yaml",
      code: deployment("  replicas: 1\n", "", "StatefulSet"),
    },
    {
      name: "Job",
      file: "k8s/job.yaml",
      code: "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      containers:\n        - {name: j, image: 'x:1'}\n",
    },
    {
      name: "templated replicas",
      file: "chart/templates/deployment.yaml",
      code: deployment("  replicas: {{ .Values.replicaCount }}\n"),
      files: chart,
    },
    {
      name: "Helm template that sets replicas only without autoscaling",
      file: "chart/templates/deployment.yaml",
      code: deployment(
        "  {{- if not .Values.autoscaling.enabled }}\n  replicas: {{ .Values.replicaCount }}\n  {{- end }}\n",
      ),
      files: chart,
    },
    {
      name: "scaled to zero on purpose",
      file: "k8s/api.yaml",
      code: deployment("  replicas: 0\n"),
    },
    {
      name: "a KEDA ScaledObject scales it",
      file: "k8s/api.yaml",
      code:
        deployment("") +
        "---\napiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: api\nspec:\n  scaleTargetRef:\n    name: api\n  triggers:\n    - type: cpu\n      metadata: {value: '60'}\n",
    },
  ],
  invalid: [
    {
      name: "replicas: 1",
      file: "k8s/api.yaml",
      code: deployment("  replicas: 1\n"),
      findings: [{ line: 6, column: 13, messageIncludes: "single replica" }],
      output: deployment("  replicas: 2\n"),
    },
    {
      name: "replicas unset (defaults to one)",
      file: "k8s/api.yaml",
      code: deployment(""),
      findings: [{ line: 4, column: 9 }],
      output: deployment("  replicas: 2\n"),
    },
    {
      name: "the HPA targets another Deployment",
      file: "k8s/api.yaml",
      code: deployment("  replicas: 1 # one for now\n"),
      files: { "k8s/hpa.yaml": hpa("worker") },
      findings: [{ line: 6, column: 13 }],
      output: deployment("  replicas: 2 # one for now\n"),
    },
    {
      name: "the HPA lives in another namespace",
      file: "k8s/api.yaml",
      code: deployment("  replicas: 1\n").replace(
        "  name: api\n",
        "  name: api\n  namespace: shop\n",
      ),
      files: { "k8s/hpa.yaml": hpa("api", "  namespace: staging\n") },
      findings: [{ line: 7, column: 13 }],
    },
    {
      name: "a ReadWriteOnce claim may not attach twice: no fix",
      file: "k8s/api.yaml",
      code: deployment(
        "  replicas: 1\n",
        "      volumes:\n        - name: data\n          persistentVolumeClaim: {claimName: api-data}\n",
      ),
      findings: [{ line: 6, column: 13, messageIncludes: "claim" }],
      output: null,
    },
    {
      name: "Deployment in a List with flow spec",
      file: "k8s/list.yaml",
      code: "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: a}\n    spec: {template: {spec: {containers: [{name: a, image: 'x:1'}]}}}\n",
      findings: [{ line: 6, column: 22 }],
      output:
        "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: a}\n    spec: {replicas: 2, template: {spec: {containers: [{name: a, image: 'x:1'}]}}}\n",
    },
    {
      name: "literal replicas: 1 in a Helm template",
      file: "chart/templates/deployment.yaml",
      code: deployment("  replicas: 1\n").replace(
        "  name: api\n",
        '  name: {{ include "api.fullname" . }}\n',
      ),
      files: chart,
      findings: [{ line: 6, column: 13 }],
      output: deployment("  replicas: 2\n").replace(
        "  name: api\n",
        '  name: {{ include "api.fullname" . }}\n',
      ),
    },
  ],
});
