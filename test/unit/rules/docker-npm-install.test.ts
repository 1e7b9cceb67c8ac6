import { ruleTester } from "../../helpers/ruleTester";

const image = (...lines: string[]) =>
  ["FROM node:20.15.1-slim", "WORKDIR /app", ...lines, 'CMD ["node", "server.js"]', ""].join("\n");

const LOCK = { "package-lock.json": "{}" };

ruleTester("docker-npm-install", {
  valid: [
    {
      name: "a compose build context elsewhere without a lock file",
      file: "docker/Dockerfile",
      code: image("COPY . .", "RUN npm install"),
      files: {
        "docker-compose.yml":
          "services:\n  web:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n",
      },
    },
    {
      name: "npm ci",
      file: "Dockerfile",
      code: image("COPY package*.json ./", "RUN npm ci --omit=dev"),
      files: LOCK,
    },
    {
      name: "global tool",
      file: "Dockerfile",
      code: image("RUN npm install -g pm2@5.4.2", "RUN npm i --global typescript"),
      files: LOCK,
    },
    {
      name: "no lock file",
      file: "Dockerfile",
      code: image("COPY package.json ./", "RUN npm install"),
    },
    {
      name: "yarn lock only (npm ci needs package-lock)",
      file: "Dockerfile",
      code: image("COPY . .", "RUN npm install"),
      files: { "yarn.lock": "" },
    },
    {
      name: "adding a named package",
      file: "Dockerfile",
      code: image("COPY . .", "RUN npm install left-pad"),
      files: LOCK,
    },
    {
      name: "not npm",
      file: "Dockerfile",
      code: image("COPY . .", "RUN yarn install --frozen-lockfile"),
      files: LOCK,
    },
  ],
  invalid: [
    {
      name: "npm install after COPY . .",
      file: "Dockerfile",
      code: image("COPY . .", "RUN npm install"),
      files: LOCK,
      findings: [{ line: 4, column: 5 }],
      output: image("COPY . .", "RUN npm ci"),
    },
    {
      name: "compose builds from the root with docker/Dockerfile: the root's lock file counts",
      file: "docker/Dockerfile",
      code: image("COPY . .", "RUN npm install"),
      files: {
        "package-lock.json": "{}",
        "docker-compose.yml":
          "services:\n  web:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n",
      },
      findings: [{ line: 4, column: 5 }],
      output: image("COPY . .", "RUN npm ci"),
    },
    {
      name: "npm i --production becomes --omit=dev",
      file: "Dockerfile",
      code: image("COPY package.json package-lock.json ./", "RUN npm i --production"),
      files: LOCK,
      findings: [{ line: 4, column: 5 }],
      output: image("COPY package.json package-lock.json ./", "RUN npm ci --omit=dev"),
    },
    {
      name: "--only=production and other flags kept",
      file: "Dockerfile",
      code: image(
        "COPY package*.json ./",
        "RUN npm install --only=production --legacy-peer-deps && npm cache clean --force",
      ),
      files: LOCK,
      findings: [{ line: 4, column: 5 }],
      output: image(
        "COPY package*.json ./",
        "RUN npm ci --omit=dev --legacy-peer-deps && npm cache clean --force",
      ),
    },
    {
      name: "lock in a sub-folder named by COPY",
      file: "Dockerfile",
      code: image("COPY web/package*.json ./", "RUN npm install"),
      files: { "web/package-lock.json": "{}" },
      findings: [{ line: 4, column: 5 }],
      output: image("COPY web/package*.json ./", "RUN npm ci"),
    },
    {
      name: "lock beside but not copied: no fix",
      file: "Dockerfile",
      code: image("COPY package.json ./", "RUN npm install"),
      files: LOCK,
      findings: [{ line: 4, column: 5, messageIncludes: "not copied" }],
      output: null,
    },
    {
      name: "shrinkwrap",
      file: "Dockerfile",
      code: image("COPY . .", "RUN cd /app && npm install"),
      files: { "npm-shrinkwrap.json": "{}" },
      findings: [{ line: 4, column: 16 }],
      output: image("COPY . .", "RUN cd /app && npm ci"),
    },
  ],
});
