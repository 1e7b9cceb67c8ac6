import { ruleTester } from "../../helpers/ruleTester";

const docker = (...l: string[]) =>
  ["FROM python:3.12.4-slim", ...l, 'CMD ["app"]'].join("\n") + "\n";
const fresh = (name: string, value: string) => ({
  ".env": `${name}=${value}\n`,
  ".env.example": `${name}=\n`,
  ".gitignore": ".env\n",
});

ruleTester("secret-in-dockerfile", {
  valid: [
    {
      name: "names that only contain KEY/AUTH/PASS/TOKEN, and metadata suffixes",
      file: "Dockerfile",
      code: docker(
        "ENV CC=/usr/bin/gcc",
        "ENV GOPASS_VERSION=1.15.13",
        "ENV AUTH_MODE=none",
        "ENV KMS_KEY_ALIAS=alias/shop-data",
        "ENV PASSWORD_MIN_LENGTH=12",
        "ARG PUBLIC_KEY_URL=https://keys.example.test/shop.pub",
        "ENV TOKEN_TTL_SECONDS=3600",
        "ENV SECRETS_DIR=/run/secrets",
        "ENV DB_PASSWORD_FILE=/run/secrets/db_password",
      ),
    },
    {
      name: "ARG without default used with a secret mount",
      file: "Dockerfile",
      code: docker(
        "ARG NPM_TOKEN",
        "RUN --mount=type=secret,id=npm,env=NPM_TOKEN npm ci --omit=dev # uses $NPM_TOKEN",
      ),
    },
    {
      name: "values that are references, paths, numbers or switches",
      file: "Dockerfile",
      code: docker(
        "ENV API_TOKEN=${API_TOKEN}",
        "ENV DB_PASSWORD=/run/secrets/db_password",
        "ENV JWT_SECRET=false",
        "ENV SESSION_SECRET=",
      ),
    },
    { name: "an unused ARG without default", file: "Dockerfile", code: docker("ARG GITHUB_TOKEN") },
    {
      // FIXME: the value of an ARG that a RUN reads lands in the image history; not reported yet.
      name: "ARG without default read by RUN (today: not reported)",
      file: "Dockerfile",
      code: docker(
        "ARG NPM_TOKEN",
        'RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci',
      ),
    },
    {
      name: "a LABEL is not ENV/ARG",
      file: "Dockerfile",
      code: docker('LABEL org.example.token="abc123XYZ789def"'),
    },
  ],
  invalid: [
    {
      name: "ARG with a password default: the default moves to .env",
      file: "Dockerfile",
      code: docker("ARG DEPLOY_PSW=harbor-Kite-2291", "RUN deploy --password $DEPLOY_PSW"),
      findings: [{ line: 2, column: 5, severity: "error", messageIncludes: "DEPLOY_PSW" }],
      output: docker("ARG DEPLOY_PSW", "RUN deploy --password $DEPLOY_PSW"),
      outputFiles: fresh("DEPLOY_PSW", "harbor-Kite-2291"),
    },
    {
      name: "ENV with a secret: the instruction goes, the value moves to .env",
      file: "Dockerfile",
      code: docker(
        "WORKDIR /app",
        "ENV SESSION_SECRET=4b7e1d9a0c3f6e8b2a5d7c9e1f3a6b8d",
        "COPY . .",
      ),
      findings: [{ line: 3, column: 5 }],
      output: docker("WORKDIR /app", "COPY . ."),
      outputFiles: fresh("SESSION_SECRET", "4b7e1d9a0c3f6e8b2a5d7c9e1f3a6b8d"),
    },
    {
      name: "one pair of a multi-pair ENV over continued lines",
      file: "Dockerfile",
      code: docker("ENV APP_ENV=production \\", '    DB_PASSWORD="Plover!Stone-63"'),
      findings: [{ line: 3, column: 5 }],
      output: docker("ENV APP_ENV=production"),
      outputFiles: {
        ".env": "DB_PASSWORD='Plover!Stone-63'\n",
        ".env.example": "DB_PASSWORD=\n",
      },
    },
    {
      name: "first pair of a multi-pair ENV",
      file: "Dockerfile",
      code: docker("ENV STRIPE_API_KEY=rk_live_51Hx9Qa2eZvKYlo2C APP_ENV=production"),
      findings: [{ line: 2, column: 5 }],
      output: docker("ENV APP_ENV=production"),
    },
    {
      name: "legacy ENV NAME value form",
      file: "Dockerfile",
      code: docker("ENV DB_PASSWORD Plover!Stone-63"),
      findings: [{ line: 2, column: 5 }],
      output: docker(),
    },
    {
      name: "compose service that builds the image gets the variable from .env",
      file: "api/Dockerfile",
      files: {
        "docker-compose.yml":
          "services:\n  api:\n    build: ./api # the API\n    environment:\n      APP_ENV: dev\n",
        ".gitignore": "node_modules/\n.env\n",
      },
      code: docker("ENV PAYMENT_TOKEN=tok_9f8e7d6c5b4a3f2e1d0c"),
      findings: [{ line: 2, column: 5 }],
      output: docker(),
      outputFiles: {
        "docker-compose.yml":
          'services:\n  api:\n    build: ./api # the API\n    environment:\n      APP_ENV: dev\n      PAYMENT_TOKEN: "${PAYMENT_TOKEN}"\n',
        ".env": "PAYMENT_TOKEN=tok_9f8e7d6c5b4a3f2e1d0c\n",
        ".env.example": "PAYMENT_TOKEN=\n",
      },
    },
    {
      name: "compose build args for an ARG",
      file: "Dockerfile",
      files: {
        "compose.yaml":
          "services:\n  web:\n    build:\n      context: .\n      dockerfile: Dockerfile\n",
      },
      code: docker("ARG NPM_TOKEN=npm_a1B2c3D4e5F6g7H8i9J0"),
      findings: [{ line: 2, column: 5 }],
      output: docker("ARG NPM_TOKEN"),
      outputFiles: {
        "compose.yaml":
          'services:\n  web:\n    build:\n      context: .\n      dockerfile: Dockerfile\n      args:\n        NPM_TOKEN: "${NPM_TOKEN}"\n',
      },
    },
    {
      name: "an obvious placeholder is a hint",
      file: "Dockerfile",
      code: docker("ARG ADMIN_PASSWORD=changeme"),
      findings: [{ line: 2, column: 5, severity: "hint" }],
    },
    {
      name: "ARG without default copied into ENV",
      file: "Dockerfile",
      code: docker("ARG API_TOKEN", "ENV API_TOKEN=${API_TOKEN}"),
      findings: [{ line: 2, column: 5, severity: "warning", messageIncludes: "line 3" }],
      output: null,
    },
    {
      name: "a builder stage counts too",
      file: "Dockerfile",
      code: "FROM node:20.15.1 AS build\nENV GITHUB_TOKEN=ghp_x1Y2z3A4b5C6d7E8f9G0\nFROM node:20.15.1-slim\n",
      findings: [{ line: 2, column: 5 }],
    },
  ],
});
