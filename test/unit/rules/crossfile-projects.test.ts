import { ruleTester } from "../../helpers/ruleTester";

// Cross-file rules compare the files of one project (the folder of its compose file, `.git` or
// `.env.example`); a project without the other kind of file is compared with the workspace.

const compose = (db: string) => `services:
  api:
    build: .
  db:
    image: ${db}
`;

const statefulSet = (image: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  template:
    spec:
      containers:
        - name: db
          image: ${image}
`;

ruleTester("parity-version-mismatch", {
  valid: [
    {
      name: "twin services side by side: each compose file is compared with its own manifests",
      file: "shop/docker-compose.yml",
      code: compose("postgres:13"),
      files: {
        "shop/k8s/db.yaml": statefulSet("postgres:13.15"),
        "clean/docker-compose.yml": compose("postgres:16.3"),
        "clean/k8s/db.yaml": statefulSet("postgres:16.3"),
      },
    },
  ],
  invalid: [
    {
      name: "a compose file in dev/ is compared with manifests in deploy/ of the same repository",
      file: "dev/docker-compose.yml",
      code: compose("postgres:13"),
      files: {
        ".git/HEAD": "ref: refs/heads/main\n",
        "deploy/db.yaml": statefulSet("postgres:16.3"),
      },
      findings: [{ line: 5, column: 12 }],
    },
    {
      name: "the twin's own manifest decides, not its neighbour's",
      file: "shop/docker-compose.yml",
      code: compose("postgres:13"),
      files: {
        "shop/k8s/db.yaml": statefulSet("postgres:16.3"),
        "clean/docker-compose.yml": compose("postgres:13"),
        "clean/k8s/db.yaml": statefulSet("postgres:13.15"),
      },
      findings: [{ line: 5, column: 12, messageIncludes: "16" }],
    },
  ],
});

const pod = (image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: ${image}
`;

ruleTester("parity-floating-tag", {
  valid: [],
  invalid: [
    {
      name: "the pin comes from the same project, not from the twin",
      file: "shop/k8s/api.yaml",
      code: pod("registry.example.com/api:latest"),
      files: {
        "shop/docker-compose.yml": "services:\n  api:\n    image: registry.example.com/api:1.4.1\n",
        "clean/docker-compose.yml":
          "services:\n  api:\n    image: registry.example.com/api:1.4.2\n",
      },
      findings: [{ line: 8, column: 14 }],
      output: pod("registry.example.com/api:1.4.1"),
    },
  ],
});
