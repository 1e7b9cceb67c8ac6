import type { ParsedFile } from "../engine/parse";
import type { Rule } from "../engine/rule";
import type { Fix, TextEdit } from "../engine/types";
import { pythonEnviron, pythonLiteral, pythonPreferredQuote } from "./shared/pythonCode";
import { serverPorts, type PortLiteral } from "./shared/serverPorts";

/** A server started on a port written in the code instead of the platform's `PORT`. */
export const rule: Rule = {
  meta: {
    id: "port-hardcoded",
    factors: [7],
    categories: ["startup", "parity"],
    severity: "warning",
    kinds: ["python", "javascript", "typescript"],
    fixable: true,
    handbook: "startup",
    title: {
      en: "Server port hard-coded instead of read from PORT",
      zh: "服务端口写死在代码中，未从 PORT 读取",
    },
    description: {
      en: "Platforms tell a process which port to bind through the PORT variable. A port fixed in the code cannot follow the container's port mapping, clashes with other processes on the same host and forces a code change per environment.",
      zh: "平台通过 PORT 环境变量告诉进程应绑定的端口。写死在代码里的端口无法跟随容器端口映射，会与同一主机上的其他进程冲突，且每个环境都要改代码。",
    },
  },

  check({ file, workspace, report }) {
    if (!file.python && !file.script) return;
    for (const port of serverPorts(file, workspace)) {
      report({
        range: port.range,
        message: {
          en: `The server always listens on port ${port.port}: where the platform assigns the port through PORT (Heroku, Cloud Run, a different containerPort) traffic arrives on another port and the app is unreachable.`,
          zh: `服务总是监听 ${port.port} 端口：当平台通过 PORT 分配端口时（Heroku、Cloud Run、不同的 containerPort），流量到达的是另一个端口，应用将无法访问。`,
        },
        related: port.call
          ? [
              {
                file: file.path,
                range: port.call,
                message: { en: "The server that uses it", zh: "使用该端口的服务" },
              },
            ]
          : undefined,
        fixes: [readPortFix(file, port)],
      });
    }
  },
};

function readPortFix(file: ParsedFile, port: PortLiteral): Fix {
  const edits: TextEdit[] = [];
  let text: string;
  if (file.python) {
    const quote = pythonPreferredQuote(file.source);
    const environ = pythonEnviron(file.python.root, file.source);
    edits.push(...environ.edits);
    const name = pythonLiteral("PORT", quote);
    text = `int(${environ.text}.get(${name}, ${pythonLiteral(String(port.port), quote)}))`;
  } else {
    text = `Number(process.env.PORT) || ${port.port}`;
    if (port.needsParentheses) text = `(${text})`;
  }
  edits.push({ range: port.literal, newText: text });
  return {
    title: {
      en: `Read the port from PORT (default ${port.port})`,
      zh: `从 PORT 环境变量读取端口（默认 ${port.port}）`,
    },
    changes: [{ file: file.path, edits }],
    preferred: true,
  };
}
