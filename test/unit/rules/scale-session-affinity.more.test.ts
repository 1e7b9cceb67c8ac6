import { ruleTester } from "../../helpers/ruleTester";

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop-api
spec:
  replicas: 3
  selector:
    matchLabels:
      app: shop-api
  template:
    metadata:
      labels:
        app: shop-api
    spec:
      containers:
        - name: api
          image: registry.example.com/shop-api:1.4.2
          ports:
            - containerPort: 8000
`;
const service = (spec: string) => `apiVersion: v1
kind: Service
metadata:
  name: shop-api
spec:
${spec}  selector:
    app: shop-api
  ports:
    - port: 80
      targetPort: 8000
`;

ruleTester("scale-session-affinity", {
  valid: [
    {
      name: "Deployment and Service in one stream, no affinity",
      file: "k8s/shop-api.yaml",
      code: `${deployment}---\n${service("  type: ClusterIP\n")}`,
    },
    {
      name: "LoadBalancer with affinity None and local traffic policy",
      file: "k8s/svc.yaml",
      code: service(
        "  type: LoadBalancer\n  externalTrafficPolicy: Local\n  sessionAffinity: None\n",
      ),
    },
    {
      name: "affinity commented out",
      file: "k8s/svc.yaml",
      code: service("  # sessionAffinity: ClientIP\n"),
    },
    {
      name: "cookie affinity on an Ingress is another rule's concern",
      file: "k8s/ingress.yaml",
      code: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop-api
  annotations:
    nginx.ingress.kubernetes.io/affinity: cookie
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: shop-api
                port:
                  number: 80
`,
    },
    {
      name: "ClientIP only in an annotation value",
      file: "k8s/svc.yaml",
      code: service("").replace(
        "  name: shop-api\n",
        "  name: shop-api\n  annotations:\n    example.com/previous-affinity: ClientIP\n",
      ),
    },
  ],
  invalid: [
    {
      name: "LoadBalancer Service after a Deployment in one stream",
      file: "k8s/shop-api.yaml",
      code: `${deployment}---\n${service("  type: LoadBalancer\n  sessionAffinity: ClientIP\n")}`,
      findings: [{ line: 27, column: 20, messageIncludes: "shop-api" }],
      output: `${deployment}---\n${service("  type: LoadBalancer\n  sessionAffinity: None\n")}`,
    },
  ],
});
