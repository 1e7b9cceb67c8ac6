import type { FaultCategoryInfo } from "../faultCategory";
import { t } from "../localized";

/** §2: user data disappears. */
export const dataLoss: FaultCategoryInfo = {
  id: "data-loss",
  section: 2,
  anchor: "2-状态管理故障",
  title: t("User data lost", "用户数据丢失"),
  heading: t("State management failures", "状态管理故障"),
  symptoms: [
    t(
      "“The items that were just in my shopping cart are suddenly gone”",
      "“刚才还在购物车的商品突然没了”",
    ),
    t("“I keep getting logged out for no reason”", "“登录状态莫名其妙丢失”"),
    t("“The file I uploaded can't be found”", "“上传的文件找不到了”"),
    t(
      "Monitoring: session timeout rate up 85%, file-not-found errors up 200%, " +
        "re-login frequency up 300%",
      "监控指标：会话超时率 85%↑、文件找不到错误 200%↑、用户重新登录频率 300%↑",
    ),
  ],
  causes: [
    t(
      "Factor 6 (stateless processes): state is kept in process memory",
      "违反要素6（无状态进程），状态存储在进程内存中",
    ),
    t(
      "Sessions and user data live in in-memory variables (such as `user_sessions = {}`) " +
        "and are lost when the process restarts",
      "会话等用户数据存放在内存变量中（如 `user_sessions = {}`），进程重启数据丢失",
    ),
    t(
      "Uploaded files are written to the local disk (`uploads/`, `/tmp`) and are gone " +
        "after the container restarts",
      "上传的文件存储在本地磁盘（`uploads/`、`/tmp`），容器重启后文件丢失",
    ),
  ],
  factors: [6],
  checklist: [
    t("Move session data to Redis or a database", "会话数据迁移到 Redis/数据库"),
    t("Move file uploads to object storage (S3/MinIO)", "文件上传迁移到对象存储（S3/MinIO）"),
    t("Remove every in-process state variable", "移除所有进程内状态变量"),
    t("Verify that several instances run without data conflicts", "验证多实例运行无数据冲突"),
  ],
};
