import { ruleTester } from "../../helpers/ruleTester";

const deployment = (podExtra: string, container: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop-api
spec:
  replicas: 2
  template:
    spec:${podExtra}
      containers:
        - name: api
          image: registry.example.test/shop/api:1.4.2${container}
`;

const statefulSet = (image: string, pod = "", claims = true) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  template:
    spec:${pod}
      containers:
        - name: db
          image: ${image}
          volumeMounts:
            - name: data
              mountPath: /var/lib/data
${
  claims
    ? "  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n        resources: {requests: {storage: 1Gi}}\n"
    : ""
}`;

const runAs = (uid: number) =>
  `          securityContext:\n            runAsNonRoot: true\n            runAsUser: ${uid}\n`;

const podNonRoot = "\n      securityContext: {runAsNonRoot: true, runAsUser: 10001}";

ruleTester("container-root", {
  valid: [
    { name: "pod-level runAsNonRoot", file: "k8s/deploy.yaml", code: deployment(podNonRoot, "") },
    {
      name: "container-level runAsNonRoot",
      file: "k8s/deploy.yaml",
      code: deployment("", "\n          securityContext:\n            runAsNonRoot: true"),
    },
    {
      name: "non-zero runAsUser is not root",
      file: "k8s/deploy.yaml",
      code: deployment("", "\n          securityContext:\n            runAsUser: 1000"),
    },
    {
      name: "not a workload",
      file: "k8s/svc.yaml",
      code: "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  ports:\n    - port: 80\n",
    },
    {
      name: "Helm template whose security context comes from values",
      file: "chart/templates/deploy.yaml",
      files: { "chart/Chart.yaml": "apiVersion: v2\nname: shop\nversion: 0.1.0\n" },
      code: deployment(
        "",
        "\n          securityContext:\n            {{- toYaml .Values.securityContext | nindent 12 }}",
      ),
    },
    {
      name: "compose files are not Kubernetes",
      file: "docker-compose.yml",
      code: "services:\n  web:\n    image: shop:1.0\n    privileged: false\n",
    },
  ],
  invalid: [
    {
      name: "no security context: added to the container",
      file: "k8s/deploy.yaml",
      code: deployment("", "\n          ports:\n            - containerPort: 8000 # http"),
      findings: [{ line: 10, column: 17, messageIncludes: "runAsNonRoot" }],
      output: deployment(
        "",
        "\n          ports:\n            - containerPort: 8000 # http\n          securityContext:\n            runAsNonRoot: true\n            runAsUser: 10001",
      ),
    },
    {
      name: "privileged container",
      file: "k8s/deploy.yaml",
      code: deployment(podNonRoot, "\n          securityContext:\n            privileged: true"),
      findings: [{ line: 14, column: 25, messageIncludes: "privileged" }],
      output: deployment(podNonRoot, "\n          securityContext:\n            privileged: false"),
    },
    {
      name: "runAsUser 0 in the container overrides the pod",
      file: "k8s/deploy.yaml",
      code: deployment(podNonRoot, "\n          securityContext: {runAsUser: 0}"),
      findings: [{ line: 13, column: 40, messageIncludes: "runAsUser: 0" }],
      output: deployment(podNonRoot, "\n          securityContext: {runAsUser: 10001}"),
    },
    {
      name: "runAsNonRoot false in the container overrides the pod",
      file: "k8s/deploy.yaml",
      code: deployment(
        "\n      securityContext:\n        runAsNonRoot: true",
        "\n          securityContext:\n            runAsNonRoot: false # debug",
      ),
      findings: [{ line: 15, column: 27, messageIncludes: "runAsNonRoot: false" }],
      output: deployment(
        "\n      securityContext:\n        runAsNonRoot: true",
        "\n          securityContext:\n            runAsNonRoot: true # debug\n            runAsUser: 10001",
      ),
    },
    {
      name: "init containers and CronJobs count",
      file: "k8s/cron.yaml",
      code: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
            - name: wait
              image: busybox:1.36.1
          containers:
            - &job
              name: report
              image: registry.example.test/shop/report:2.0.1
`,
      findings: [
        { line: 12, column: 21 },
        { line: 16, column: 21 },
      ],
      output: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
            - name: wait
              image: busybox:1.36.1
              securityContext:
                runAsNonRoot: true
                runAsUser: 10001
          containers:
            - &job
              name: report
              image: registry.example.test/shop/report:2.0.1
`,
    },
    {
      name: "pod-level runAsUser 0 without override",
      file: "k8s/pod.yaml",
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsUser: 0\n  containers:\n    - {name: app, image: shop:1.0.0}\n",
      findings: [{ line: 9, column: 14, messageIncludes: "runAsUser: 0" }],
      output:
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    runAsUser: 0\n  containers:\n    - {name: app, image: shop:1.0.0, securityContext: {runAsNonRoot: true, runAsUser: 10001}}\n",
    },
    {
      name: "official postgres with claim templates: its own uid and the pod's fsGroup",
      file: "k8s/db.yaml",
      code: statefulSet("postgres:16.3"),
      findings: [{ line: 10, column: 17 }],
      output: statefulSet("postgres:16.3").replace(
        "/var/lib/data\n",
        `/var/lib/data\n${runAs(999)}      securityContext:\n        fsGroup: 999\n`,
      ),
    },
    {
      name: "postgres alpine with a claim volume: uid 70, fsGroup added to the pod's context",
      file: "k8s/db.yaml",
      code: statefulSet(
        "docker.io/library/postgres:16.3-alpine",
        "\n      securityContext:\n        seccompProfile: {type: RuntimeDefault}\n      volumes:\n        - name: data\n          persistentVolumeClaim: {claimName: db}",
        false,
      ),
      findings: [{ line: 15, column: 17 }],
      output: statefulSet(
        "docker.io/library/postgres:16.3-alpine",
        "\n      securityContext:\n        seccompProfile: {type: RuntimeDefault}\n        fsGroup: 70\n      volumes:\n        - name: data\n          persistentVolumeClaim: {claimName: db}",
        false,
      ).replace("/var/lib/data\n", `/var/lib/data\n${runAs(70)}`),
    },
    {
      name: "redis without persistent volumes: its own uid, no fsGroup",
      file: "k8s/cache.yaml",
      code: statefulSet("redis:7.2.5", "", false),
      findings: [{ line: 10, column: 17 }],
      output: statefulSet("redis:7.2.5", "", false).replace(
        "/var/lib/data\n",
        `/var/lib/data\n${runAs(999)}`,
      ),
    },
    {
      name: "a pod fsGroup already set is kept",
      file: "k8s/db.yaml",
      code: statefulSet("mongo:7.0.12", "\n      securityContext: {fsGroup: 2000}"),
      findings: [{ line: 11, column: 17 }],
      output: statefulSet("mongo:7.0.12", "\n      securityContext: {fsGroup: 2000}").replace(
        "/var/lib/data\n",
        `/var/lib/data\n${runAs(999)}`,
      ),
    },
    {
      name: "Bitnami images run as 1001",
      file: "k8s/mq.yaml",
      code: statefulSet("bitnami/rabbitmq:3.13.6"),
      findings: [{ line: 10, column: 17 }],
      output: statefulSet("bitnami/rabbitmq:3.13.6").replace(
        "/var/lib/data\n",
        `/var/lib/data\n${runAs(1001)}      securityContext:\n        fsGroup: 1001\n`,
      ),
    },
    {
      name: "unprivileged nginx runs as 101",
      file: "k8s/web.yaml",
      code: deployment("", "\n          ports:\n            - containerPort: 8080").replace(
        "registry.example.test/shop/api:1.4.2",
        "nginxinc/nginx-unprivileged:1.27.0",
      ),
      findings: [{ line: 10, column: 17 }],
      output: deployment(
        "",
        "\n          ports:\n            - containerPort: 8080\n          securityContext:\n            runAsNonRoot: true\n            runAsUser: 101",
      ).replace("registry.example.test/shop/api:1.4.2", "nginxinc/nginx-unprivileged:1.27.0"),
    },
    {
      name: "explicit privileged in a Helm template still counts",
      file: "chart/templates/deploy.yaml",
      files: { "chart/Chart.yaml": "apiVersion: v2\nname: shop\nversion: 0.1.0\n" },
      code: deployment(podNonRoot, "\n          securityContext:\n            privileged: true"),
      findings: [{ line: 14, column: 25 }],
    },
  ],
});
