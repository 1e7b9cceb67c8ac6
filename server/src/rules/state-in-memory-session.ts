import type { Rule, RuleContext } from "../engine/rule";
import type { Fix, Localized, Range } from "../engine/types";
import { pythonContainers } from "./memoryState/pythonDetect";
import { pythonStoreFix } from "./memoryState/pythonFix";
import { scriptContainers } from "./memoryState/scriptDetect";
import { scriptStoreFix } from "./memoryState/scriptFix";

/** Per-user state in a process's memory: lost on restart, different on every replica. */
export const rule: Rule = {
  meta: {
    id: "state-in-memory-session",
    factors: [6],
    categories: ["data-loss", "scaling"],
    severity: "warning",
    kinds: ["python", "javascript", "typescript"],
    fixable: true,
    handbook: "data-loss",
    title: {
      en: "Per-user state kept in process memory",
      zh: "按用户区分的状态保存在进程内存中",
    },
    description: {
      en: "Sessions, carts, logins or tokens held in a module-level or singleton dict, Map or object live only in one process: a restart or deploy wipes them, and with several replicas each request may land on a process that has never seen the user. Keep them in a backing service such as Redis.",
      zh: "保存在模块级或单例的 dict、Map、对象中的会话、购物车、登录状态或令牌只存在于单个进程：重启或发布会清空它们，多副本时请求可能落到从未见过该用户的进程。请把它们放到 Redis 等后端服务中。",
    },
  },

  check(context) {
    const { file } = context;
    if (file.python) {
      for (const container of pythonContainers(file.python.root)) {
        const outcome = pythonStoreFix(context.workspace, file, container);
        const definition = container.definition;
        const mutation = container.mutation.ref;
        report(context, {
          name: container.name,
          range: file.source.range(definition.startIndex, definition.endIndex),
          mutation: file.source.range(mutation.startIndex, mutation.endIndex),
          ...outcome,
        });
      }
    } else if (file.script) {
      const source = file.script.source;
      for (const container of scriptContainers(source)) {
        const outcome = scriptStoreFix(context.workspace, file, container);
        const mutation = container.mutation;
        report(context, {
          name: container.name,
          range: file.source.range(
            container.definition.getStart(source),
            container.definition.getEnd(),
          ),
          mutation: file.source.range(mutation.getStart(source), mutation.getEnd()),
          ...outcome,
        });
      }
    }
  },
};

interface Finding {
  name: string;
  range: Range;
  mutation: Range;
  fix?: Fix;
  reason?: Localized;
}

function report({ file, report }: RuleContext, finding: Finding): void {
  const reason = finding.reason
    ? { en: ` ${finding.reason.en}`, zh: finding.reason.zh }
    : { en: "", zh: "" };
  report({
    range: finding.range,
    message: {
      en: `"${finding.name}" keeps per-user state in this process's memory: every restart or deploy wipes it, and with more than one replica requests land on processes that hold a different copy, so users are logged out or lose what they stored.${reason.en}`,
      zh: `"${finding.name}" 把按用户区分的状态保存在本进程内存中：每次重启或发布都会清空，多副本时请求会落到持有不同副本的进程，用户会被登出或丢失已保存的内容。${reason.zh}`,
    },
    related: [
      {
        file: file.path,
        range: finding.mutation,
        message: { en: "Changed here, while serving a request.", zh: "在处理请求时于此处被修改。" },
      },
    ],
    fixes: finding.fix ? [finding.fix] : [],
  });
}
