import type { FaultCategoryInfo } from "../faultCategory";
import { t } from "../localized";

/** §4: responses slow down and time out. */
export const performance: FaultCategoryInfo = {
  id: "performance",
  section: 4,
  anchor: "4-性能与并发故障",
  title: t("Slow responses, timeouts", "性能突然下降"),
  heading: t("Performance and concurrency failures", "性能与并发故障"),
  symptoms: [
    t("Response time: 2000 ms → 15000 ms", "响应时间：2000ms → 15000ms"),
    t("Error rate: 0.1% → 25%", "错误率：0.1% → 25%"),
    t("CPU usage above 95%, memory usage above 90%", "CPU 使用率 95%+，内存使用率 90%+"),
    t("“The site has suddenly become really sluggish”", "“网站突然变得很卡”"),
    t("“Submitting a form spins for ages”", "“提交表单转圈很久”"),
    t("“It often says the service is unavailable”", "“经常显示服务不可用”"),
  ],
  causes: [
    t(
      "Factor 8 (concurrency): a single process handles highly concurrent requests",
      "违反要素8（并发），使用单进程处理高并发请求",
    ),
    t(
      "Web and worker processes are not separated: `python app.py` handles every request " +
        "in one process",
      "Web 和 Worker 进程没有分离：`python app.py` 单进程处理所有请求",
    ),
    t(
      "Factors 6 and 8: horizontal scaling is not set up (replica count, resource limits, HPA)",
      "违反要素6+8：水平扩展配置缺失（副本数、资源限制、HPA）",
    ),
    t(
      "Factor 9 (disposability): no graceful shutdown, so SIGTERM cuts off in-flight work",
      "违反要素9（易处理）：没有实现优雅关闭，收到 SIGTERM 时正在处理的请求被中断",
    ),
  ],
  factors: [6, 8, 9],
  checklist: [
    t("Enable horizontal scaling (HPA)", "启用水平扩展（HPA）"),
    t("Separate web and worker processes", "分离 Web 和 Worker 进程"),
    t("Implement graceful shutdown", "实现优雅关闭机制"),
    t("Configure health checks and readiness checks", "配置健康检查和就绪检查"),
  ],
};
