import { ruleTester } from "../../helpers/ruleTester";

const configMap = (data: string, meta = "") => `apiVersion: v1
kind: ConfigMap
metadata:
  name: shop-config
${meta}data:
${data}`;

const deployment = (env: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
        - name: api
          image: registry.example.test/shop:1.2.0
${env}`;

const keyRef = (key: string, kind = "configMapKeyRef", name = "shop-config") =>
  `          env:\n            - name: ${key}\n              valueFrom:\n                ${kind}:\n                  name: ${name}\n                  key: ${key}\n`;

const envFrom =
  "          envFrom:\n            - configMapRef:\n                name: shop-config\n";

const secret = (entries: string, name = "shop-config-secret", meta = "") =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\n${meta}type: Opaque\nstringData:\n${entries}`;

/** The Secret file the fix writes beside the manifest, and the `.gitignore` line for it. */
const moved = (file: string, entries: string, meta = "") => ({
  [file]: secret(entries, "shop-config-secret", meta),
  ".gitignore": `/${file}\n`,
});

const withSecretRef = `${envFrom}            - secretRef:\n                name: shop-config-secret\n`;

ruleTester("secret-in-configmap", {
  valid: [
    {
      name: "plain settings",
      file: "k8s/config.yaml",
      code: configMap(
        '  LOG_LEVEL: info\n  DATABASE_HOST: db.internal\n  FEATURE_SEARCH: "true"\n',
      ),
    },
    {
      name: "placeholders and references under secret names",
      file: "k8s/config.yaml",
      code: configMap(
        '  DB_PASSWORD: ""\n  API_TOKEN: changeme\n  SECRET_KEY: ${SECRET_KEY}\n  JWT_SECRET: $(JWT_SECRET)\n',
      ),
    },
    {
      name: "names about secrets, not secrets",
      file: "k8s/config.yaml",
      code: configMap(
        '  PASSWORD_MIN_LENGTH: "12"\n  TOKEN_URL: https://auth.example.test/token\n  SECRET_NAME: shop-secrets\n  DB_PASSWORD_FILE: /run/secrets/db-password\n',
      ),
    },
    {
      name: "URLs without a literal password",
      file: "k8s/config.yaml",
      code: configMap(
        "  REDIS_URL: redis://cache:6379/0\n  DATABASE_URL: postgresql://shop:${DB_PASSWORD}@db:5432/shop\n",
      ),
    },
    {
      name: "a Secret may hold passwords",
      file: "k8s/secret.yaml",
      code: "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  DB_PASSWORD: Lumen-Falcon-731\n",
    },
    {
      name: "a mustache template is data",
      file: "k8s/mailer.yaml",
      code: configMap(
        "  welcome.mustache: |\n    Hello {{ customer_name }},\n    your order {{ order_id }} has shipped.\n",
      ),
    },
    {
      name: "templated value in a Helm chart",
      file: "chart/templates/configmap.yaml",
      code: configMap('  DB_PASSWORD: "{{ .Values.db.password }}"\n'),
      files: { "chart/Chart.yaml": "apiVersion: v2\nname: shop\nversion: 0.1.0\n" },
    },
  ],
  invalid: [
    {
      name: "configMapKeyRef is switched to the new Secret, written to an ignored file",
      file: "k8s/shop.yaml",
      code: `${configMap("  LOG_LEVEL: info\n  DB_PASSWORD: Lumen-Falcon-731 # rotate\n")}---\n${deployment(keyRef("DB_PASSWORD"))}`,
      findings: [{ line: 7, column: 3, messageIncludes: "shop.secret.yaml" }],
      output: `${configMap("  LOG_LEVEL: info\n")}---\n${deployment(keyRef("DB_PASSWORD", "secretKeyRef", "shop-config-secret"))}`,
      outputFiles: moved("k8s/shop.secret.yaml", "  DB_PASSWORD: Lumen-Falcon-731\n"),
    },
    {
      name: "envFrom gets a secretRef beside the configMapRef",
      file: "k8s/shop.yaml",
      code: `${configMap("  API_TOKEN: 'tok-9f8e7d6c5b4a3921'\n  LOG_LEVEL: info\n")}---\n${deployment(envFrom)}`,
      findings: [{ line: 6, column: 3 }],
      output: `${configMap("  LOG_LEVEL: info\n")}---\n${deployment(withSecretRef)}`,
      outputFiles: moved("k8s/shop.secret.yaml", "  API_TOKEN: 'tok-9f8e7d6c5b4a3921'\n"),
    },
    {
      name: "nothing reads it in the workspace: reported without a fix",
      file: "k8s/config.yaml",
      code: configMap("  SECRET_KEY: 9c1f0e7a2b5d4c3e8f6a\n"),
      findings: [{ line: 6, column: 3, messageIncludes: "by hand" }],
      output: null,
    },
    {
      name: "credentials in a URL; the workload sits in another file",
      file: "k8s/config.yml",
      code: configMap(
        "  DATABASE_URL: postgresql://shop:Lumen-Falcon-731@db:5432/shop\n",
        "  namespace: shop\n",
      ),
      files: { "k8s/deployment.yaml": deployment(keyRef("DATABASE_URL")) },
      findings: [{ line: 7, column: 3, messageIncludes: "DATABASE_URL" }],
      output: configMap("  {}\n", "  namespace: shop\n").replace("data:\n  {}\n", "data: {}\n"),
      outputFiles: {
        ...moved(
          "k8s/config.secret.yml",
          "  DATABASE_URL: postgresql://shop:Lumen-Falcon-731@db:5432/shop\n",
          "  namespace: shop\n",
        ),
        "k8s/deployment.yaml": deployment(
          keyRef("DATABASE_URL", "secretKeyRef", "shop-config-secret"),
        ),
      },
    },
    {
      name: "mounted as a volume: moving the key would remove the file, no fix",
      file: "k8s/shop.yaml",
      code: `${configMap("  DB_PASSWORD: Lumen-Falcon-731\n")}---\n${deployment("          volumeMounts:\n            - {name: config, mountPath: /etc/shop}\n      volumes:\n        - name: config\n          configMap: {name: shop-config}\n")}`,
      findings: [{ line: 6, column: 3, messageIncludes: "volume" }],
      output: null,
    },
    {
      name: "a password inside an embedded properties file",
      file: "k8s/config.yaml",
      code: configMap(
        "  application.properties: |\n    spring.datasource.url=jdbc:postgresql://db:5432/shop\n    spring.datasource.password=Lumen-Falcon-731\n",
      ),
      findings: [{ line: 8, column: 5 }],
      output: null,
    },
    {
      name: "a second key joins the Secret file made for the first; .gitignore has it already",
      file: "k8s/shop.yaml",
      code: `${configMap("  API_TOKEN: tok-9f8e7d6c5b4a3921\n")}---\n${deployment(withSecretRef)}`,
      files: moved("k8s/shop.secret.yaml", "  DB_PASSWORD: Lumen-Falcon-731\n"),
      findings: [{ line: 6, column: 3 }],
      output: `${configMap("  {}\n").replace("data:\n  {}\n", "data: {}\n")}---\n${deployment(withSecretRef)}`,
      outputFiles: {
        "k8s/shop.secret.yaml": secret(
          "  DB_PASSWORD: Lumen-Falcon-731\n  API_TOKEN: tok-9f8e7d6c5b4a3921\n",
        ),
      },
    },
    {
      name: "the key is in the Secret file already: it is not written twice",
      file: "k8s/shop.yaml",
      code: `${configMap("  LOG_LEVEL: info\n  API_TOKEN: tok-9f8e7d6c5b4a3921\n")}---\n${deployment(withSecretRef)}`,
      files: {
        "k8s/shop.secret.yaml": secret("  API_TOKEN: tok-9f8e7d6c5b4a3921\n"),
        ".gitignore": "*.secret.yaml\n",
      },
      findings: [{ line: 7, column: 3 }],
      output: `${configMap("  LOG_LEVEL: info\n")}---\n${deployment(withSecretRef)}`,
    },
    {
      name: "the Secret file holds the key with another value: no fix",
      file: "k8s/shop.yaml",
      code: `${configMap("  API_TOKEN: tok-9f8e7d6c5b4a3921\n")}---\n${deployment(envFrom)}`,
      files: { "k8s/shop.secret.yaml": secret("  API_TOKEN: tok-0000aaaa1111bbbb\n") },
      findings: [{ line: 6, column: 3, messageIncludes: "shop.secret.yaml" }],
      output: null,
    },
    {
      name: "the nearest .gitignore of the project gets the entry",
      file: "shop/deploy/k8s/shop.yaml",
      code: `${configMap("  API_TOKEN: tok-9f8e7d6c5b4a3921\n  LOG_LEVEL: info\n")}---\n${deployment(envFrom)}`,
      files: {
        ".gitignore": "node_modules/\n",
        "shop/.gitignore": "# local data\nuploads/\n",
        "shop/package.json": "{}\n",
      },
      findings: [{ line: 6, column: 3 }],
      output: `${configMap("  LOG_LEVEL: info\n")}---\n${deployment(withSecretRef)}`,
      outputFiles: {
        "shop/deploy/k8s/shop.secret.yaml": secret("  API_TOKEN: tok-9f8e7d6c5b4a3921\n"),
        "shop/.gitignore": "# local data\nuploads/\n/deploy/k8s/shop.secret.yaml\n",
      },
    },
    {
      name: "no .gitignore in the project: one is created at the project root",
      file: "shop/k8s/shop.yaml",
      code: `${configMap("  API_TOKEN: tok-9f8e7d6c5b4a3921\n  LOG_LEVEL: info\n")}---\n${deployment(envFrom)}`,
      files: { "shop/requirements.txt": "flask==3.0.3\n" },
      findings: [{ line: 6, column: 3 }],
      output: `${configMap("  LOG_LEVEL: info\n")}---\n${deployment(withSecretRef)}`,
      outputFiles: {
        "shop/k8s/shop.secret.yaml": secret("  API_TOKEN: tok-9f8e7d6c5b4a3921\n"),
        "shop/.gitignore": "/k8s/shop.secret.yaml\n",
      },
    },
    {
      name: "flow-style data and envFrom",
      file: "k8s/shop.yaml",
      code:
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: shop-config}\ndata: {LOG_LEVEL: info, SMTP_PASSWORD: 'Quartz-Otter-58'}\n---\n" +
        deployment("          envFrom: [{configMapRef: {name: shop-config}, prefix: SHOP_}]\n"),
      findings: [{ line: 4, column: 25 }],
      output:
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: shop-config}\ndata: {LOG_LEVEL: info}\n---\n" +
        deployment(
          "          envFrom: [{configMapRef: {name: shop-config}, prefix: SHOP_}, {secretRef: {name: shop-config-secret}, prefix: SHOP_}]\n",
        ),
      outputFiles: moved("k8s/shop.secret.yaml", "  SMTP_PASSWORD: 'Quartz-Otter-58'\n"),
    },
  ],
});
