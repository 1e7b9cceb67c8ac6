import type { FaultCategoryInfo } from "../faultCategory";
import { t } from "../localized";

/** §6: adding instances does not add capacity. */
export const scaling: FaultCategoryInfo = {
  id: "scaling",
  section: 6,
  anchor: "6-扩展性故障",
  title: t("Scale-out has no effect", "扩容失败"),
  heading: t("Scalability failures", "扩展性故障"),
  symptoms: [
    t(
      "After `kubectl scale deployment myapp --replicas=10` the load still sits on a few instances",
      "执行 `kubectl scale deployment myapp --replicas=10` 后，负载仍然集中在少数实例上",
    ),
    t(
      "Inconsistent data: what user A sees ≠ what user B sees",
      "数据不一致：用户A看到的数据 ≠ 用户B看到的数据",
    ),
    t("Cached data expires out of sync", "缓存数据过期不同步"),
  ],
  causes: [
    t(
      "Factor 6 (stateless processes): instances depend on state held by one another",
      "违反要素6（无状态进程）：实例间存在状态依赖",
    ),
    t(
      "Session affinity (`sessionAffinity: ClientIP`) pins clients to a few instances",
      "会话亲和性（`sessionAffinity: ClientIP`）把请求固定在少数实例上",
    ),
    t(
      "Factor 8 (concurrency): the load balancer spreads requests unevenly",
      "违反要素8（并发）：负载均衡配置不当，请求分布不均",
    ),
  ],
  factors: [6, 8],
  checklist: [
    t("Remove every session affinity setting", "移除所有会话亲和性配置"),
    t("Verify data consistency across instances", "验证多实例数据一致性"),
    t("Configure a suitable load-balancing algorithm", "配置合适的负载均衡算法"),
    t("Implement distributed cache synchronisation", "实现分布式缓存同步"),
  ],
};
