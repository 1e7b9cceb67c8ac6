import type { FaultCategoryInfo } from "../faultCategory";
import { t } from "../localized";

/** §1: the application does not start. */
export const startup: FaultCategoryInfo = {
  id: "startup",
  section: 1,
  anchor: "1-应用启动故障",
  title: t("App won't start", "应用无法启动"),
  heading: t("Startup failures", "应用启动故障"),
  symptoms: [
    t(
      "The container fails to start: Container exited with code 1",
      "容器启动失败：Container exited with code 1",
    ),
    t(
      "Kubernetes pods stuck in ImagePullBackOff or CrashLoopBackOff",
      "K8s Pod 状态异常：ImagePullBackOff、CrashLoopBackOff",
    ),
    t(
      "Dependency errors: ModuleNotFoundError: No module named 'requests', ImportError",
      "依赖错误：ModuleNotFoundError: No module named 'requests'、ImportError",
    ),
    t(
      "Missing configuration: KeyError: 'DATABASE_URL', Missing required environment variable",
      "配置缺失：KeyError: 'DATABASE_URL'、Missing required environment variable",
    ),
    t(
      "Port errors: bind: address already in use, Permission denied (port < 1024)",
      "端口错误：bind: address already in use、Permission denied (port < 1024)",
    ),
  ],
  causes: [
    t(
      "Factor 2 (dependencies): the dependency manifest is missing or incomplete, " +
        "or dependencies are not installed when the image is built",
      "违反要素2（依赖）：依赖声明文件缺失或不完整，构建时没有安装依赖",
    ),
    t(
      "Factor 3 (config): a required environment variable is not injected",
      "违反要素3（配置）：必需的环境变量没有正确注入",
    ),
    t(
      "Factor 7 (port binding): the port is taken or below 1024, or the app is not bound " +
        "to `0.0.0.0` on the port from the `PORT` environment variable",
      "违反要素7（端口绑定）：端口冲突或 1024 以下端口无权限，" +
        "没有通过环境变量 `PORT` 绑定到 `0.0.0.0`",
    ),
  ],
  factors: [2, 3, 7],
  checklist: [
    t(
      "Check that `requirements.txt` exists and is complete",
      "检查 `requirements.txt` 是否存在且完整",
    ),
    t("Verify that environment variables are injected correctly", "验证环境变量是否正确注入"),
    t(
      "Confirm that the port is bound to `0.0.0.0`, not `127.0.0.1`",
      "确认端口绑定到 `0.0.0.0` 而非 `127.0.0.1`",
    ),
    t("Check that the container health check passes", "检查容器健康检查是否通过"),
  ],
};
