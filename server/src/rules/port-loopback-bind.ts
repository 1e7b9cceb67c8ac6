import type { Rule } from "../engine/rule";
import { defaultLoopbacks } from "./shared/defaultHosts";
import { isLoopback, serverHosts } from "./shared/serverHosts";

/** A server bound to the loopback interface, which nothing outside its container can reach. */
export const rule: Rule = {
  meta: {
    id: "port-loopback-bind",
    factors: [7],
    categories: ["startup", "parity"],
    severity: "warning",
    kinds: ["python", "javascript", "typescript"],
    fixable: true,
    handbook: "startup",
    title: {
      en: "Server bound to localhost, unreachable from outside its container",
      zh: "服务绑定到 localhost，容器外无法访问",
    },
    description: {
      en: "Inside a container, 127.0.0.1 is the container's own loopback interface. Port mappings, Kubernetes Services and load balancers deliver traffic to the container's network interface, so a server bound to loopback starts fine and receives nothing. Bind to 0.0.0.0.",
      zh: "在容器里，127.0.0.1 是容器自己的回环接口。端口映射、Kubernetes Service 和负载均衡器把流量送到容器的网络接口，因此绑定到回环地址的服务能正常启动却收不到任何请求。应绑定到 0.0.0.0。",
    },
  },

  check({ file, workspace, report }) {
    if (!file.python && !file.script) return;
    for (const bind of serverHosts(file, workspace)) {
      if (!isLoopback(bind.host)) continue;
      report({
        range: bind.range,
        message: {
          en: `The server listens on ${bind.host} only: in a container that is the container's own loopback, so traffic from the port mapping, Service or load balancer never reaches it. Listen on 0.0.0.0 (all interfaces) instead.`,
          zh: `服务只监听 ${bind.host}：在容器中这是容器自身的回环地址，来自端口映射、Service 或负载均衡器的流量永远到不了它。请改为监听 0.0.0.0（所有接口）。`,
        },
        fixes: [
          {
            title: { en: "Listen on 0.0.0.0", zh: "改为监听 0.0.0.0" },
            changes: [{ file: file.path, edits: [{ range: bind.hostRange, newText: "0.0.0.0" }] }],
            preferred: true,
          },
        ],
      });
    }
    for (const server of defaultLoopbacks(file, workspace)) {
      report({
        range: server.range,
        message: {
          en:
            `Without a host, ${server.framework} listens on its default 127.0.0.1 only, and the ` +
            "container runs this file directly: traffic from the port mapping, Service or load " +
            'balancer never reaches it. Pass host="0.0.0.0".',
          zh:
            `没有指定 host 时，${server.framework} 默认只监听 127.0.0.1，而容器直接运行这个文件：` +
            '来自端口映射、Service 或负载均衡器的流量永远到不了它。请传入 host="0.0.0.0"。',
        },
        related: server.related,
        fixes: [
          {
            title: { en: 'Add host="0.0.0.0"', zh: '加上 host="0.0.0.0"' },
            changes: [{ file: file.path, edits: [server.edit] }],
            preferred: true,
          },
        ],
      });
    }
  },
};
