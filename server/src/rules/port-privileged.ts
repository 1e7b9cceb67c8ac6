import type { ParsedFile } from "../engine/parse";
import type { Rule, RuleContext } from "../engine/rule";
import type { Localized, Range, TextEdit } from "../engine/types";
import type { DockerFile, DockerInstruction } from "../languages/dockerfile";
import { dockerProperties, stageInstructions } from "../languages/dockerSyntax";
import { isDockerfileName } from "../engine/fileKind";
import { finalChain, grantsLowPorts, nonRootUser, PROXY_NAME } from "./shared/dockerRunUser";
import {
  containerIdentity,
  containerPorts,
  mayBindLowPorts,
  movePortEdits,
  runsAsNonRoot,
} from "./shared/kubePorts";
import { serverPorts } from "./shared/serverPorts";

/** The port a fix moves a privileged port to: 80 → 8080, 443 → 8443. */
const unprivileged = (port: number): number => port + 8000;

/** A port below 1024 in a container that runs as a non-root user. */
export const rule: Rule = {
  meta: {
    id: "port-privileged",
    factors: [7],
    categories: ["startup"],
    severity: "warning",
    kinds: ["dockerfile", "kubernetes", "python", "javascript", "typescript"],
    fixable: true,
    handbook: "startup",
    title: {
      en: "Privileged port (< 1024) in a container that runs as non-root",
      zh: "以非 root 用户运行的容器使用了特权端口（< 1024）",
    },
    description: {
      en: 'A process that is not root may not bind ports below 1024 unless the runtime lowers net.ipv4.ip_unprivileged_port_start or grants NET_BIND_SERVICE. The server then fails at start with "Permission denied". Listen on a port of 1024 or above and map it in the Service.',
      zh: '非 root 进程无法绑定 1024 以下的端口，除非运行时调低了 net.ipv4.ip_unprivileged_port_start 或授予了 NET_BIND_SERVICE。服务会在启动时报 "Permission denied" 失败。请监听 1024 及以上的端口，并在 Service 中做端口映射。',
    },
  },

  check(context) {
    const { file } = context;
    if (file.docker) checkDockerfile(context, file.docker);
    else if (file.kind === "kubernetes") checkKubernetes(context);
    else if (file.python || file.script) checkCode(context);
  },
};

function message(port: number, who: Localized): Localized {
  return {
    en: `Port ${port} is below 1024 but the container runs as ${who.en}: without root (or NET_BIND_SERVICE) the server cannot bind it and fails at start with "Permission denied". Use a port of 1024 or above, such as ${unprivileged(port)}.`,
    zh: `端口 ${port} 低于 1024，而容器以${who.zh}运行：没有 root 权限（或 NET_BIND_SERVICE）时服务无法绑定该端口，启动即报 "Permission denied"。请改用 1024 及以上的端口，例如 ${unprivileged(port)}。`,
  };
}

/** `user "app"`, with the Dockerfile that sets it when the finding is elsewhere. */
function userOf(user: string, dockerfile?: string): Localized {
  const where = dockerfile
    ? { en: ` (${dockerfile})`, zh: `（${dockerfile}）` }
    : { en: "", zh: " " };
  return { en: `user "${user}"${where.en}`, zh: `用户 "${user}"${where.zh}` };
}

const NON_ROOT_POD: Localized = {
  en: "a non-root user (securityContext)",
  zh: "非 root 用户（securityContext）",
};

function fixTitle(port: number) {
  const next = unprivileged(port);
  return {
    en: `Use port ${next} (the app must listen on it too)`,
    zh: `改用 ${next} 端口（应用也须监听该端口）`,
  };
}

interface ExposedPort {
  port: number;
  range: Range;
}

function exposedPorts(file: ParsedFile, instruction: DockerInstruction): ExposedPort[] {
  const range = instruction.argsRange;
  if (!range) return [];
  const start = file.source.offsetAt(range.start);
  const text = file.source.text.slice(start, file.source.offsetAt(range.end));
  const result: ExposedPort[] = [];
  for (const match of text.matchAll(/(^|\s)(\d+)(?=[-/\s]|$)/g)) {
    const at = start + (match.index ?? 0) + match[1].length;
    result.push({ port: Number(match[2]), range: file.source.range(at, at + match[2].length) });
  }
  return result;
}

/** `ENV PORT=<port>` (or ARG) of the final image, changed along with EXPOSE. */
function portSettingEdits(docker: DockerFile, port: number, next: number): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const stage of finalChain(docker)) {
    for (const instruction of stageInstructions(docker, stage)) {
      if (instruction.keyword !== "ENV" && instruction.keyword !== "ARG") continue;
      for (const property of dockerProperties(instruction)) {
        if (property.name === "PORT" && property.value === String(port) && property.valueRange) {
          edits.push({ range: property.valueRange, newText: String(next) });
        }
      }
    }
  }
  return edits;
}

function checkDockerfile({ file, report }: RuleContext, docker: DockerFile): void {
  const user = nonRootUser(docker);
  if (!user || grantsLowPorts(docker)) return;
  const proxy = PROXY_NAME.test(user.baseImage);
  for (const stage of finalChain(docker)) {
    for (const instruction of stageInstructions(docker, stage)) {
      if (instruction.keyword !== "EXPOSE") continue;
      for (const exposed of exposedPorts(file, instruction)) {
        if (exposed.port >= 1024 || exposed.port === 0) continue;
        if (proxy && (exposed.port === 80 || exposed.port === 443)) continue;
        const next = unprivileged(exposed.port);
        const edits = [
          { range: exposed.range, newText: String(next) },
          ...portSettingEdits(docker, exposed.port, next),
        ];
        report({
          range: exposed.range,
          message: message(exposed.port, userOf(user.user)),
          fixes: [{ title: fixTitle(exposed.port), changes: [{ file: file.path, edits }] }],
        });
      }
    }
  }
}

function checkKubernetes({ file, report }: RuleContext): void {
  for (const port of containerPorts(file)) {
    if (port.port >= 1024 || port.port <= 0 || !runsAsNonRoot(port.container)) continue;
    if (mayBindLowPorts(port.container, port.port)) continue;
    const proxy = PROXY_NAME.test(containerIdentity(port));
    if (proxy && (port.port === 80 || port.port === 443)) continue;
    const [start, end] = [port.node.range?.[0] ?? 0, port.node.range?.[1] ?? 0];
    const edits = movePortEdits(file, port, unprivileged(port.port));
    report({
      range: file.source.range(start, end),
      message: message(port.port, NON_ROOT_POD),
      fixes: [{ title: fixTitle(port.port), changes: [{ file: file.path, edits }] }],
    });
  }
}

function checkCode({ file, workspace, report }: RuleContext): void {
  const dockerfilePath = workspace.findUp(file.path, ["Dockerfile", "Containerfile"]);
  const parsed = dockerfilePath ? workspace.model.parsed(dockerfilePath) : undefined;
  if (!parsed?.docker || !isDockerfileName(parsed.path.split(/[\\/]/).pop() ?? "")) return;
  const user = nonRootUser(parsed.docker);
  if (!user || grantsLowPorts(parsed.docker)) return;
  for (const port of serverPorts(file, workspace)) {
    if (port.port >= 1024) continue;
    const edit = { range: port.literal, newText: String(unprivileged(port.port)) };
    report({
      range: port.range,
      message: message(port.port, userOf(user.user, parsed.path.split(/[\\/]/).pop())),
      related: [
        {
          file: parsed.path,
          range: user.instruction.range,
          message: { en: "The image runs as this user.", zh: "镜像以该用户运行。" },
        },
      ],
      fixes: [{ title: fixTitle(port.port), changes: [{ file: file.path, edits: [edit] }] }],
    });
  }
}
