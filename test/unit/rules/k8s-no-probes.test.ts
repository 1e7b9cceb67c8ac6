import { ruleTester } from "../../helpers/ruleTester";

const workload = (container: string, kind = "Deployment") => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
${container}`;

const api = `        - name: api
          image: registry.example.test/api:1.4.2
          ports:
            - containerPort: 8000
`;

const probes = `          readinessProbe:
            tcpSocket:
              port: 8000
          livenessProbe:
            tcpSocket:
              port: 8000
            initialDelaySeconds: 30
`;

const job = (kind: string, path: string) =>
  `apiVersion: batch/v1\nkind: ${kind}\nmetadata:\n  name: j\nspec:\n${path}`;

ruleTester("k8s-no-probes", {
  valid: [
    { name: "both probes", file: "k8s/api.yaml", code: workload(api + probes) },
    {
      name: "Job",
      file: "k8s/job.yaml",
      code: job(
        "Job",
        "  template:\n    spec:\n      containers:\n        - name: j\n          image: x:1\n",
      ),
    },
    {
      name: "CronJob",
      file: "k8s/cron.yaml",
      code: job(
        "CronJob",
        "  schedule: '@hourly'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: j\n              image: x:1\n",
      ),
    },
    {
      name: "init container without probes",
      file: "k8s/api.yaml",
      code: workload(api + probes).replace(
        "      containers:\n",
        "      initContainers:\n        - name: migrate\n          image: x:1\n      containers:\n",
      ),
    },
    {
      name: "DaemonSet is not in scope",
      file: "k8s/agent.yaml",
      code: workload(api, "DaemonSet"),
    },
    {
      name: "Helm include inside the container may add probes",
      file: "chart/templates/deployment.yaml",
      code: workload(`${api}          {{- include "api.probes" . | nindent 10 }}\n`),
      files: { "chart/Chart.yaml": "apiVersion: v2\nname: api\nversion: 0.1.0\n" },
    },
    {
      name: "templated probes",
      file: "k8s/api.yaml",
      code: workload(
        `${api}          readinessProbe: \${READINESS}\n          livenessProbe: \${LIVENESS}\n`,
      ),
    },
    {
      name: "a bare Pod",
      file: "k8s/pod.yaml",
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: p\n      image: x:1\n",
    },
  ],
  invalid: [
    {
      name: "no probes: tcpSocket on the container port",
      file: "k8s/api.yaml",
      code: workload(api),
      findings: [{ line: 14, column: 17, messageIncludes: "readiness" }],
      output: workload(api + probes),
    },
    {
      name: "readiness with httpGet: liveness reuses the same check",
      file: "k8s/api.yaml",
      code: workload(
        `${api}          readinessProbe:\n            httpGet: {path: /healthz, port: 8000}\n`,
      ),
      findings: [{ line: 14, column: 17, messageIncludes: "liveness" }],
      output: workload(
        `${api}          readinessProbe:\n            httpGet: {path: /healthz, port: 8000}\n          livenessProbe:\n            httpGet:\n              path: /healthz\n              port: 8000\n            initialDelaySeconds: 30\n`,
      ),
    },
    {
      name: "StatefulSet without a port: reported, no fix",
      file: "k8s/worker.yaml",
      code: workload("        - name: worker\n          image: x:1\n", "StatefulSet"),
      findings: [{ line: 14, column: 17 }],
      output: null,
    },
    {
      name: "named port",
      file: "k8s/api.yaml",
      code: workload(
        "        - name: api\n          image: x:1\n          ports:\n            - name: http\n              containerPort: 8080\n",
      ),
      findings: [{ line: 14, column: 17 }],
      output: workload(
        "        - name: api\n          image: x:1\n          ports:\n            - name: http\n              containerPort: 8080\n" +
          probes.replace(/8000/g, "http"),
      ),
    },
    {
      name: "flow-style container",
      file: "k8s/api.yaml",
      code: workload("        - {name: api, image: 'x:1', ports: [{containerPort: 9000}]}\n"),
      findings: [{ line: 14, column: 18 }],
      output: workload(
        "        - {name: api, image: 'x:1', ports: [{containerPort: 9000}], readinessProbe: {tcpSocket: {port: 9000}}, livenessProbe: {tcpSocket: {port: 9000}, initialDelaySeconds: 30}}\n",
      ),
    },
    {
      name: "liveness with exec: readiness reuses the command",
      file: "k8s/worker.yaml",
      code: workload(
        "        - name: worker\n          image: x:1\n          livenessProbe:\n            exec: {command: [celery, inspect, ping]}\n",
      ),
      findings: [{ line: 14, column: 17, messageIncludes: "readiness" }],
      output: workload(
        "        - name: worker\n          image: x:1\n          livenessProbe:\n            exec: {command: [celery, inspect, ping]}\n          readinessProbe:\n            exec:\n              command: [celery, inspect, ping]\n",
      ),
    },
    {
      name: "Deployment inside a List",
      file: "k8s/list.yaml",
      code: "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: a}\n    spec:\n      template:\n        spec:\n          containers:\n            - name: a\n              image: x:1\n",
      findings: [{ line: 11, column: 21 }],
    },
  ],
});
