import type { FaultCategoryInfo } from "../faultCategory";
import { t } from "../localized";

/** §5: secrets and credentials leak. */
export const security: FaultCategoryInfo = {
  id: "security",
  section: 5,
  anchor: "5-安全配置故障",
  title: t("Secrets exposed", "配置泄露事件"),
  heading: t("Security configuration failures", "安全配置故障"),
  symptoms: [
    t(
      "Security scan alert: API key exposed in GitHub repository",
      "安全扫描告警：API key exposed in GitHub repository",
    ),
    t(
      "Security scan alert: Database credentials found in source code",
      "安全扫描告警：Database credentials found in source code",
    ),
    t(
      "Security scan alert: Secret keys committed to version control",
      "安全扫描告警：Secret keys committed to version control",
    ),
    t("401 Unauthorized suddenly turns into 200 OK", "401 Unauthorized → 突然变成 200 OK"),
    t("The database is wiped by an intruder", "数据库被删库跑路"),
    t("The API is called maliciously, running up huge bills", "API 被恶意调用产生巨额费用"),
  ],
  causes: [
    t(
      "Factor 3 (config): sensitive values are hard-coded in the source",
      "违反要素3（配置分离），敏感信息硬编码在代码中",
    ),
    t(
      "Configuration files with secrets (`.env`, `config/secrets.py`) are committed " +
        "to version control",
      "含有敏感信息的配置文件（`.env`、`config/secrets.py`）被提交到版本控制",
    ),
    t("The container runs as root", "容器以 root 用户运行"),
  ],
  factors: [3],
  checklist: [
    t("Scan for and remove every hard-coded sensitive value", "扫描并移除所有硬编码敏感信息"),
    t("Rotate every key that may have leaked", "轮换所有可能泄露的密钥"),
    t(
      "Set up a secret management service (Vault/AWS Secrets Manager)",
      "配置密钥管理服务（Vault/AWS Secrets Manager）",
    ),
    t("Run containers as a non-root user", "容器使用非root用户运行"),
  ],
};
