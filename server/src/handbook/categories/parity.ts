import type { FaultCategoryInfo } from "../faultCategory";
import { t } from "../localized";

/** §3: it works in development and fails in production. */
export const parity: FaultCategoryInfo = {
  id: "parity",
  section: 3,
  anchor: "3-环境一致性故障",
  title: t("Works in dev, fails in prod", "环境差异故障"),
  heading: t("Environment parity failures", "环境一致性故障"),
  symptoms: [
    t("“But it works on my machine!”", "“在我本地明明是好的！”"),
    t("Passes in the test environment, fails in production", "测试环境通过，生产环境报错"),
    t("“The code didn't change, and suddenly it stopped working”", "“代码没变，突然就不能用了”"),
    t(
      "sqlite3.OperationalError: no such table (SQLite in development, PostgreSQL in production)",
      "sqlite3.OperationalError: no such table（开发用 SQLite，生产用 PostgreSQL）",
    ),
    t(
      "redis.exceptions.ConnectionError (no Redis in development, Redis in production)",
      "redis.exceptions.ConnectionError（开发无 Redis，生产有 Redis）",
    ),
    t(
      "SSL certificate verify failed (HTTP in development, HTTPS in production)",
      "SSL certificate verify failed（开发 HTTP，生产 HTTPS）",
    ),
  ],
  causes: [
    t(
      "Factor 10 (dev/prod parity): development and production use different databases",
      "违反要素10（环境一致性），开发/生产使用不同数据库",
    ),
    t(
      "Factor 2 (dependencies): versions are ranges (such as `Flask>=2.0.0`) " +
        "instead of exact pins",
      "违反要素2（依赖）：依赖使用版本范围（如 `Flask>=2.0.0`）而非精确版本",
    ),
    t(
      "Factor 3 (config): environment variables differ between environments " +
        "(such as `DATABASE_URL_DEV` and `DATABASE_URL_PROD`)",
      "违反要素3（配置）：不同环境的环境变量存在差异" +
        "（如 `DATABASE_URL_DEV` 与 `DATABASE_URL_PROD`）",
    ),
  ],
  factors: [2, 3, 10],
  checklist: [
    t(
      "Use the same database type and version in development and production",
      "开发/生产使用相同数据库类型和版本",
    ),
    t("Pin dependency versions exactly (no `^`, `~`, `*`)", "依赖版本精确锁定（无 `^` `~` `*`）"),
    t("Use Docker to unify the runtime environment", "使用 Docker 统一运行时环境"),
    t(
      "Document environment variables and keep them under version control",
      "环境变量配置文档化和版本控制",
    ),
  ],
};
