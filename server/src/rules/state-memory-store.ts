import type { Rule } from "../engine/rule";
import { pythonMemorySessions } from "./sessionStore/pythonSessions";
import { memorySessions, scriptSessionFix } from "./sessionStore/scriptSessions";

/** Session middleware left on its default in-process (or local-disk) store. */
export const rule: Rule = {
  meta: {
    id: "state-memory-store",
    factors: [6],
    categories: ["data-loss", "scaling"],
    severity: "warning",
    kinds: ["python", "javascript", "typescript"],
    fixable: true,
    handbook: "data-loss",
    title: {
      en: "Sessions kept in the default in-process store",
      zh: "会话保存在默认的进程内存储中",
    },
    description: {
      en: "express-session without a store uses MemoryStore; Flask-Session with SESSION_TYPE filesystem and Django's file or local-memory session engines keep sessions inside one container. A restart logs every user out and other replicas do not know the session. Use a Redis store.",
      zh: "未指定 store 的 express-session 使用 MemoryStore；SESSION_TYPE 为 filesystem 的 Flask-Session 以及 Django 的文件或本地内存会话引擎都把会话留在单个容器里。重启会让所有用户掉线，其他副本也不认识这些会话。请使用 Redis 存储。",
    },
  },

  check({ file, workspace, report }) {
    if (file.script) {
      for (const session of memorySessions(file)) {
        const explicit = session.memoryStore ? "a MemoryStore" : "no store, so it uses MemoryStore";
        const explicitZh = session.memoryStore
          ? "MemoryStore"
          : "未指定 store，因此使用 MemoryStore";
        report({
          range: session.range,
          message: {
            en: `${session.library} is given ${explicit}: sessions live in this process's memory, so a restart logs every user out and other replicas reject their cookies (the library itself warns it is not for production).`,
            zh: `${session.library} ${explicitZh}：会话只存在于本进程内存中，重启会让所有用户掉线，其他副本也不认它们的 Cookie（该库自己也提示不可用于生产）。`,
          },
          fixes: [scriptSessionFix(workspace, file, session)],
        });
      }
      return;
    }
    for (const session of pythonMemorySessions(file)) {
      const whole = session.site.value.parent ?? session.site.value;
      const range = file.source.range(whole.startIndex, whole.endIndex);
      const fix = session.fix?.(workspace);
      report({
        range,
        message: {
          en: `${session.detail.en}: a restart or redeploy logs every user out, and requests served by another replica find no session.`,
          zh: `${session.detail.zh}：重启或重新发布会让所有用户掉线，由其他副本处理的请求也找不到会话。`,
        },
        fixes: fix ? [fix] : [],
      });
    }
  },
};
