import { ruleTester } from "../../helpers/ruleTester";

const ingress = (annotations: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
${annotations}spec:
  rules:
    - host: shop.example.test
      http:
        paths:
          - path: /
            pathType: Prefix
            backend: {service: {name: shop, port: {number: 80}}}
`;

const nginxSticky = `  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /
    # keep users on one pod
    nginx.ingress.kubernetes.io/affinity: cookie
    nginx.ingress.kubernetes.io/affinity-mode: persistent
    nginx.ingress.kubernetes.io/session-cookie-name: route
    nginx.ingress.kubernetes.io/session-cookie-max-age: "172800"
    nginx.ingress.kubernetes.io/proxy-body-size: 8m
`;

const backendConfig = (type: string) => `apiVersion: cloud.google.com/v1
kind: BackendConfig
metadata:
  name: shop
spec:
  timeoutSec: 40
  sessionAffinity:
    affinityType: ${type}
    affinityCookieTtlSec: 50
  connectionDraining:
    drainingTimeoutSec: 60
`;

const route = (sticky: string) => `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: shop
spec:
  entryPoints: [web]
  routes:
    - match: Host(\`shop.example.test\`)
      kind: Rule
      services:
        - name: shop
          port: 80
${sticky}`;

const alb = (attributes: string) =>
  ingress(
    `  annotations:\n    alb.ingress.kubernetes.io/scheme: internet-facing\n    alb.ingress.kubernetes.io/target-group-attributes: ${attributes}\n`,
  );

ruleTester("scale-sticky-ingress", {
  valid: [
    { name: "no annotations", file: "k8s/ingress.yaml", code: ingress("") },
    {
      name: "unrelated nginx annotations",
      file: "k8s/ingress.yaml",
      code: ingress("  annotations:\n    nginx.ingress.kubernetes.io/rewrite-target: /\n"),
    },
    {
      name: "ALB attributes without stickiness",
      file: "k8s/ingress.yaml",
      code: alb("deregistration_delay.timeout_seconds=30"),
    },
    {
      name: "ALB stickiness disabled",
      file: "k8s/ingress.yaml",
      code: alb("stickiness.enabled=false,stickiness.lb_cookie.duration_seconds=60"),
    },
    { name: "BackendConfig without affinity", file: "k8s/bc.yaml", code: backendConfig("NONE") },
    { name: "IngressRoute without sticky", file: "k8s/route.yaml", code: route("") },
    {
      name: "a ConfigMap that mentions the annotation",
      file: "k8s/cm.yaml",
      code: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: docs\ndata:\n  nginx.ingress.kubernetes.io/affinity: cookie\n",
    },
    {
      name: "templated affinity in a Helm chart",
      file: "chart/templates/ingress.yaml",
      code: ingress(
        '  annotations:\n    nginx.ingress.kubernetes.io/affinity: "{{ .Values.affinity }}"\n',
      ),
      files: { "chart/Chart.yaml": "apiVersion: v2\nname: shop\nversion: 0.1.0\n" },
    },
  ],
  invalid: [
    {
      name: "nginx cookie affinity and its cookie settings",
      file: "k8s/ingress.yaml",
      code: ingress(nginxSticky),
      findings: [{ line: 8, column: 5, messageIncludes: "cookie" }],
      output: ingress(
        "  annotations:\n    nginx.ingress.kubernetes.io/rewrite-target: /\n    # keep users on one pod\n    nginx.ingress.kubernetes.io/proxy-body-size: 8m\n",
      ),
    },
    {
      name: "the only annotation: the annotations key goes too",
      file: "k8s/ingress.yaml",
      code: ingress('  annotations:\n    nginx.ingress.kubernetes.io/affinity: "cookie"\n'),
      findings: [{ line: 6, column: 5 }],
      output: ingress(""),
    },
    {
      name: "Traefik sticky cookie on an Ingress",
      file: "k8s/ingress.yaml",
      code: ingress(
        '  annotations:\n    traefik.ingress.kubernetes.io/router.entrypoints: web\n    traefik.ingress.kubernetes.io/service.sticky.cookie: "true"\n    traefik.ingress.kubernetes.io/service.sticky.cookie.name: srv\n',
      ),
      findings: [{ line: 7, column: 5, messageIncludes: "Traefik" }],
      output: ingress(
        "  annotations:\n    traefik.ingress.kubernetes.io/router.entrypoints: web\n",
      ),
    },
    {
      name: "Traefik sticky annotation on a Service",
      file: "k8s/svc.yaml",
      code: "apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\n  annotations: {traefik.ingress.kubernetes.io/service.sticky.cookie: 'true', team: shop}\nspec:\n  ports: [{port: 80}]\n",
      findings: [{ line: 5, column: 17 }],
      output:
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\n  annotations: {team: shop}\nspec:\n  ports: [{port: 80}]\n",
    },
    {
      name: "ALB stickiness among other attributes",
      file: "k8s/ingress.yaml",
      code: alb(
        '"deregistration_delay.timeout_seconds=30,stickiness.enabled=true,stickiness.lb_cookie.duration_seconds=3600"',
      ),
      findings: [{ line: 7, column: 5, messageIncludes: "ALB" }],
      output: alb('"deregistration_delay.timeout_seconds=30"'),
    },
    {
      name: "ALB stickiness alone: the annotation goes",
      file: "k8s/ingress.yaml",
      code: alb("stickiness.enabled=true,stickiness.lb_cookie.duration_seconds=60"),
      findings: [{ line: 7, column: 5 }],
      output: ingress("  annotations:\n    alb.ingress.kubernetes.io/scheme: internet-facing\n"),
    },
    {
      name: "GKE BackendConfig cookie affinity",
      file: "k8s/bc.yaml",
      code: backendConfig("GENERATED_COOKIE"),
      findings: [{ line: 7, column: 3 }],
      output:
        "apiVersion: cloud.google.com/v1\nkind: BackendConfig\nmetadata:\n  name: shop\nspec:\n  timeoutSec: 40\n  connectionDraining:\n    drainingTimeoutSec: 60\n",
    },
    {
      name: "BackendConfig whose spec only held the affinity: the spec key goes too",
      file: "k8s/bc.yaml",
      code: "apiVersion: cloud.google.com/v1\nkind: BackendConfig\nmetadata:\n  name: shop\nspec:\n  sessionAffinity:\n    affinityType: CLIENT_IP\n",
      findings: [{ line: 6, column: 3 }],
      output: "apiVersion: cloud.google.com/v1\nkind: BackendConfig\nmetadata:\n  name: shop\n",
    },
    {
      name: "Traefik IngressRoute sticky service",
      file: "k8s/route.yaml",
      code: route(
        "          sticky:\n            cookie:\n              name: srv\n              secure: true\n",
      ),
      findings: [{ line: 13, column: 11 }],
      output: route(""),
    },
    {
      name: "NLB stickiness on a Service",
      file: "k8s/svc.yaml",
      code: "apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\n  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: external\n    service.beta.kubernetes.io/aws-load-balancer-target-group-attributes: stickiness.enabled=true,stickiness.type=source_ip\nspec:\n  type: LoadBalancer\n",
      findings: [{ line: 7, column: 5 }],
      output:
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\n  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-type: external\nspec:\n  type: LoadBalancer\n",
    },
  ],
});
