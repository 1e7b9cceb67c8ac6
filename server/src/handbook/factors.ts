/** The twelve factors by number, named in English and Simplified Chinese. */
import type { Locale, Localized } from "../engine/types";
import { t } from "./localized";

export const FACTORS: Readonly<Record<number, Localized>> = {
  1: t("Codebase", "基准代码"),
  2: t("Dependencies", "依赖"),
  3: t("Config", "配置"),
  4: t("Backing services", "后端服务"),
  5: t("Build, release, run", "构建、发布、运行"),
  6: t("Processes", "无状态进程"),
  7: t("Port binding", "端口绑定"),
  8: t("Concurrency", "并发"),
  9: t("Disposability", "易处理"),
  10: t("Dev/prod parity", "环境一致性"),
  11: t("Logs", "日志"),
  12: t("Admin processes", "管理进程"),
};

/** "Factor 3 (Config)" / "要素3（配置）"; the bare number for an unknown factor. */
export function factorLabel(factor: number, locale: Locale): string {
  const name = FACTORS[factor];

  if (!name) {
    return String(factor);
  }
  return locale === "zh" ? `要素${factor}（${name.zh}）` : `Factor ${factor} (${name.en})`;
}

/** A short list for narrow places: "Factors 2, 3, 7" / "要素 2、3、7". */
export function formatFactors(factors: readonly number[], locale: Locale): string {
  if (locale === "zh") {
    return `要素 ${factors.join("、")}`;
  }
  return `${factors.length === 1 ? "Factor" : "Factors"} ${factors.join(", ")}`;
}
