import { ruleTester } from "../../helpers/ruleTester";

const service = (affinity: string) => `apiVersion: v1
kind: Service
metadata:
  name: shop-api
spec:
  selector:
    app: shop-api
  sessionAffinity: ${affinity}
  ports:
    - port: 80
      targetPort: 8000
`;

ruleTester("scale-session-affinity", {
  valid: [
    { name: "affinity None", file: "k8s/svc.yaml", code: service("None") },
    {
      name: "no affinity",
      file: "k8s/svc.yaml",
      code: service("None").replace(/  sessionAffinity.*\n/, ""),
    },
    {
      name: "not a Service",
      file: "k8s/cm.yaml",
      code: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  sessionAffinity: ClientIP\n",
    },
    {
      name: "compose file",
      file: "docker-compose.yml",
      code: "services:\n  web:\n    image: nginx:1.27\n",
    },
    {
      name: "templated value",
      file: "k8s/svc.yaml",
      code: service("{{ .Values.affinity }}"),
    },
  ],
  invalid: [
    {
      name: "ClientIP",
      file: "k8s/svc.yaml",
      code: service("ClientIP"),
      findings: [{ line: 8, column: 20 }],
      output: service("None"),
    },
    {
      name: "second document of a stream",
      file: "k8s/all.yaml",
      code: `---\n# comment only\n---\n${service("ClientIP")}`,
      findings: [{ line: 11, column: 20 }],
      output: `---\n# comment only\n---\n${service("None")}`,
    },
    {
      name: "inside a List",
      file: "k8s/list.yaml",
      code: `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: a\n    spec:\n      sessionAffinity: ClientIP\n`,
      findings: [{ line: 9, column: 24 }],
    },
    {
      name: "quoted value",
      file: "svc.yml",
      code: service('"ClientIP"'),
      findings: [{ line: 8, column: 20 }],
      output: service("None"),
    },
    {
      name: "with sessionAffinityConfig reported once",
      file: "svc.yaml",
      code:
        service("ClientIP") +
        "  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: 600\n",
      findings: [{ line: 8, column: 20 }],
    },
  ],
});
