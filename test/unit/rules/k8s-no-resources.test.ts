import { ruleTester } from "../../helpers/ruleTester";

const deployment = (container: string, kind = "Deployment") => `apiVersion: apps/v1
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

const requests = `          resources:
            requests:
              cpu: 100m
              memory: 128Mi
`;

ruleTester("k8s-no-resources", {
  valid: [
    { name: "requests for cpu and memory", file: "k8s/api.yaml", code: deployment(api + requests) },
    {
      name: "limits only (Kubernetes copies them into requests)",
      file: "k8s/api.yaml",
      code: deployment(`${api}          resources:\n            limits: {cpu: "1", memory: 1Gi}\n`),
    },
    {
      name: "init container without requests is sized by the app containers",
      file: "k8s/api.yaml",
      code: deployment(api + requests).replace(
        "      containers:\n",
        "      initContainers:\n        - name: migrate\n          image: registry.example.test/api:1.4.2\n      containers:\n",
      ),
    },
    {
      name: "namespace LimitRange gives default requests",
      file: "k8s/api.yaml",
      code: deployment(api),
      files: {
        "k8s/limits.yaml":
          "apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\nspec:\n  limits:\n    - type: Container\n      defaultRequest: {cpu: 100m, memory: 128Mi}\n",
      },
    },
    {
      name: "Helm template fills resources from values",
      file: "chart/templates/deployment.yaml",
      code: deployment(
        `${api}          resources:\n            {{- toYaml .Values.resources | nindent 12 }}\n`,
      ),
      files: { "chart/Chart.yaml": "apiVersion: v2\nname: api\nversion: 0.1.0\n" },
    },
    {
      name: "a merge key may bring the resources",
      file: "k8s/api.yaml",
      code: `x-defaults: &defaults\n  resources: {requests: {cpu: 100m, memory: 128Mi}}\n---\n${deployment(
        "        - <<: *defaults\n          name: api\n          image: x:1\n",
      )}`,
    },
    {
      name: "templated resources value",
      file: "k8s/api.yaml",
      code: deployment(`${api}          resources: \${RESOURCES}\n`),
    },
    {
      name: "a Service has no containers",
      file: "k8s/svc.yaml",
      code: "apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  ports:\n    - port: 80\n",
    },
    {
      name: "compose file",
      file: "docker-compose.yml",
      code: "services:\n  api:\n    image: registry.example.test/api:1.4.2\n",
    },
  ],
  invalid: [
    {
      name: "Deployment container without resources",
      file: "k8s/api.yaml",
      code: deployment(api),
      findings: [{ line: 14, column: 17, messageIncludes: "api" }],
      output: deployment(api + requests),
    },
    {
      name: "four-space indentation is kept",
      file: "k8s/api.yaml",
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n    name: p\nspec:\n    containers:\n    -   name: p\n        image: x:1\n",
      findings: [{ line: 7, column: 15 }],
      output:
        "apiVersion: v1\nkind: Pod\nmetadata:\n    name: p\nspec:\n    containers:\n    -   name: p\n        image: x:1\n        resources:\n            requests:\n                cpu: 100m\n                memory: 128Mi\n",
    },
    {
      name: "Job container",
      file: "k8s/job.yaml",
      code: "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: migrate # runs once\n          image: x:1\n",
      findings: [{ line: 10, column: 17 }],
      output:
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: migrate # runs once\n          image: x:1\n          resources:\n            requests:\n              cpu: 100m\n              memory: 128Mi\n",
    },
    {
      name: "flow-style container",
      file: "k8s/cron.yaml",
      code: "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: '0 * * * *'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - {name: c, image: 'x:1'}\n",
      findings: [{ line: 11, column: 22 }],
      output:
        "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: '0 * * * *'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - {name: c, image: 'x:1', resources: {requests: {cpu: 100m, memory: 128Mi}}}\n",
    },
    {
      name: "cpu request only: memory is added beside it",
      file: "k8s/api.yaml",
      code: deployment(
        `${api}          resources:\n            requests:\n              cpu: 250m\n`,
      ),
      findings: [{ line: 14, column: 17, messageIncludes: "memory" }],
      output: deployment(
        `${api}          resources:\n            requests:\n              cpu: 250m\n              memory: 128Mi\n`,
      ),
    },
    {
      name: "empty resources mapping",
      file: "k8s/api.yaml",
      code: deployment(`${api}          resources: {}\n`),
      findings: [{ line: 14, column: 17 }],
      output: deployment(`${api}          resources: {requests: {cpu: 100m, memory: 128Mi}}\n`),
    },
    {
      name: "limits for memory only: cpu request added in a new requests block",
      file: "k8s/api.yaml",
      code: deployment(
        `${api}          resources:\n            limits:\n              memory: 512Mi\n`,
      ),
      findings: [{ line: 14, column: 17, messageIncludes: "CPU" }],
      output: deployment(
        `${api}          resources:\n            limits:\n              memory: 512Mi\n            requests:\n              cpu: 100m\n`,
      ),
    },
    {
      name: "StatefulSet inside a List, after comment-only documents",
      file: "k8s/list.yaml",
      code: "---\n# rendered\n---\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: StatefulSet\n    metadata: {name: db}\n    spec:\n      template:\n        spec:\n          containers:\n            - name: db\n              image: postgres:16.3\n",
      findings: [{ line: 14, column: 21 }],
    },
    {
      name: "two containers, each reported",
      file: "k8s/api.yaml",
      code: deployment(
        `${api}        - name: sidecar\n          image: registry.example.test/proxy:2.0.1\n`,
      ),
      findings: [
        { line: 14, column: 17 },
        { line: 18, column: 17 },
      ],
    },
    {
      name: "CRLF line endings are kept",
      file: "k8s/api.yaml",
      code: deployment(api).replace(/\n/g, "\r\n"),
      findings: [{ line: 14, column: 17 }],
      output: deployment(api + requests).replace(/\n/g, "\r\n"),
    },
    {
      name: "resources key with no value",
      file: "k8s/api.yaml",
      code: deployment(`${api}          resources:\n`),
      findings: [{ line: 14, column: 17 }],
      output: deployment(api + requests),
    },
  ],
});
