import { ruleTester } from "../../helpers/ruleTester";

const workload = (mounts: string, volumes: string, kind = "Deployment") => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: registry.example.test/api:1.4.2
          volumeMounts:
${mounts}      volumes:
${volumes}`;

const mount = (name: string, path: string, extra = "") =>
  `            - name: ${name}\n              mountPath: ${path}\n${extra}`;
const emptyDir = (name: string) => `        - name: ${name}\n          emptyDir: {}\n`;

ruleTester("k8s-emptydir-state", {
  valid: [
    {
      name: "scratch space in /tmp",
      file: "k8s/api.yaml",
      code: workload(mount("tmp", "/tmp"), emptyDir("tmp")),
    },
    {
      name: "a cache",
      file: "k8s/api.yaml",
      code: workload(mount("cache", "/var/cache/nginx"), emptyDir("cache")),
    },
    {
      name: "uploads on a persistent volume claim",
      file: "k8s/api.yaml",
      code: workload(
        mount("uploads", "/app/uploads"),
        "        - name: uploads\n          persistentVolumeClaim: {claimName: uploads}\n",
      ),
    },
    {
      name: "read-only mount",
      file: "k8s/api.yaml",
      code: workload(
        mount("seed", "/app/data", "              readOnly: true\n"),
        emptyDir("seed"),
      ),
    },
    {
      name: "a Job's working data",
      file: "k8s/job.yaml",
      code: workload(mount("work", "/data"), emptyDir("work"), "Job"),
    },
    {
      name: "socket directory shared with a sidecar",
      file: "k8s/api.yaml",
      code: workload(mount("sock", "/var/run/app"), emptyDir("sock")),
    },
    {
      name: "a DaemonSet node agent reading the host",
      file: "k8s/agent.yaml",
      code: workload(
        mount("logs", "/var/log"),
        "        - name: logs\n          hostPath: {path: /var/log}\n",
        "DaemonSet",
      ),
    },
    {
      name: "a ConfigMap mounted at media",
      file: "k8s/api.yaml",
      code: workload(
        mount("media", "/app/media"),
        "        - name: media\n          configMap: {name: media}\n",
      ),
    },
  ],
  invalid: [
    {
      name: "uploads in an emptyDir",
      file: "k8s/api.yaml",
      code: workload(mount("uploads", "/app/uploads"), emptyDir("uploads")),
      findings: [{ line: 13, column: 26, messageIncludes: "emptyDir" }],
      output: null,
    },
    {
      name: "sessions on a hostPath",
      file: "k8s/api.yaml",
      code: workload(
        mount("sessions", "/var/lib/app/sessions"),
        "        - name: sessions\n          hostPath:\n            path: /srv/sessions\n",
      ),
      findings: [{ line: 13, column: 26, messageIncludes: "hostPath" }],
    },
    {
      name: "media in a StatefulSet with flow mounts",
      file: "k8s/cms.yaml",
      code: workload(
        "            - {name: media, mountPath: /srv/media}\n",
        "        - {name: media, emptyDir: {medium: Memory}}\n",
        "StatefulSet",
      ),
      findings: [{ line: 12, column: 40 }],
    },
    {
      name: "a data directory",
      file: "k8s/api.yaml",
      code: workload(mount("data", "/data"), emptyDir("data")),
      findings: [{ line: 13, column: 26 }],
    },
    {
      name: "a bare Pod's storage",
      file: "k8s/pod.yaml",
      code: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: p\n      image: x:1\n      volumeMounts:\n        - name: store\n          mountPath: /storage\n  volumes:\n    - name: store\n      emptyDir: {}\n",
      findings: [{ line: 11, column: 22 }],
    },
    {
      name: "two state mounts, two findings",
      file: "k8s/api.yaml",
      code: workload(
        mount("uploads", "/app/uploads") + mount("files", "/app/files"),
        emptyDir("uploads") + emptyDir("files"),
      ),
      findings: [
        { line: 13, column: 26 },
        { line: 15, column: 26 },
      ],
    },
  ],
});
