import { isMap, isSeq } from "yaml";
import type { Rule } from "../engine/rule";
import type { Fix, Localized } from "../engine/types";
import { nodeOffsets, scalarString } from "../languages/yamlFile";
import {
  FAMILY_LABELS,
  imagesOf,
  sameRelease,
  significantParts,
  workspaceImages,
  type Environment,
  type ImageOccurrence,
  type ServiceFamily,
} from "./shared/backingServices";
import { ownerOf } from "./shared/yamlEdits";

/** Production first: the version every other environment should run. */
const ORDER: readonly Environment[] = ["kubernetes", "compose", "ci"];

const PLACE: Record<Environment, Localized> = {
  kubernetes: { en: "Kubernetes", zh: "Kubernetes" },
  compose: { en: "the compose file", zh: "compose 文件" },
  ci: { en: "CI", zh: "CI" },
};

function mostPrecise(list: ImageOccurrence[]): ImageOccurrence {
  return [...list].sort(
    (a, b) => (b.service.version?.parts.length ?? 0) - (a.service.version?.parts.length ?? 0),
  )[0];
}

/** One release line among the candidates, or undefined when they disagree. */
function agreed(list: ImageOccurrence[]): ImageOccurrence | undefined {
  if (list.length === 0) return undefined;
  const first = list[0].service;
  const same = list.every((o) =>
    sameRelease(first.family, first.version?.parts ?? [], o.service.version?.parts ?? []),
  );
  return same ? mostPrecise(list) : undefined;
}

/** The occurrence of the highest environment above this one that runs the same service. */
function referenceFor(use: ImageOccurrence, all: ImageOccurrence[]): ImageOccurrence | undefined {
  for (const environment of ORDER) {
    if (environment === use.environment) return undefined;
    const candidates = all.filter(
      (o) =>
        o.environment === environment &&
        o.service.family === use.service.family &&
        o.service.version,
    );
    if (candidates.length === 0) continue;
    return agreed(candidates) ?? agreed(candidates.filter((c) => /prod/i.test(c.file.path)));
  }
  return undefined;
}

/** The reference version cut to as many numbers as the local tag or the release line needs. */
function alignedVersion(use: ImageOccurrence, reference: ImageOccurrence): string {
  const local = use.service.version?.parts ?? [];
  const target = reference.service.version?.parts ?? [];
  const keep = Math.max(local.length, significantParts(use.service.family, target));
  return target.slice(0, keep).join(".");
}

function alignFix(
  use: ImageOccurrence,
  reference: ImageOccurrence,
  options: { version: string; volume?: string },
): Fix[] {
  const { version, volume } = options;
  const local = use.service.version;
  if (!local) return [];
  const [start] = nodeOffsets(use.node);
  const quote = /["']/.test(use.file.source.text[start]) ? 1 : 0;
  const range = use.file.source.range(start + quote + local.start, start + quote + local.end);
  const place = PLACE[reference.environment];
  return [
    {
      title: {
        en: `Use ${FAMILY_LABELS[use.service.family]} ${version} as in ${place.en}${volume ? ` (dump and recreate the "${volume}" volume)` : ""}`,
        zh: `改用与 ${place.zh} 相同的 ${FAMILY_LABELS[use.service.family]} ${version}${volume ? `（需先导出并重建卷 "${volume}"）` : ""}`,
      },
      changes: [{ file: use.file.path, edits: [{ range, newText: version }] }],
      preferred: true,
      byHand: volume
        ? [
            {
              en:
                `dump the "${volume}" volume with the old ${FAMILY_LABELS[use.service.family]} ` +
                `and restore it into ${version}: ` +
                "the new release cannot start on the old data files.",
              zh:
                `先用旧版 ${FAMILY_LABELS[use.service.family]} 导出卷 "${volume}"，` +
                `再导入 ${version}：新版本无法使用旧的数据文件启动。`,
            },
          ]
        : undefined,
    },
  ];
}

/** Services whose data directory only starts under the release line that wrote it. */
const DUMP_TOOLS: Partial<Record<ServiceFamily, string>> = {
  postgres: "pg_dumpall",
  mysql: "mysqldump",
  mariadb: "mariadb-dump",
  mongo: "mongodump",
};

/** Where these images keep their data, for mounts from the host. */
const DATA_DIR = /^\/(var\/lib\/(postgresql|mysql)|data\/db|bitnami)(\/|$)/;

/**
 * The volume that keeps a compose service's data between runs: a named volume, or a host folder
 * mounted on the data directory. Its files are in the format of the release that wrote them.
 */
function dataVolume(use: ImageOccurrence): string | undefined {
  if (use.environment !== "compose" || !DUMP_TOOLS[use.service.family]) return undefined;
  const roots = (use.file.yaml?.documents ?? []).map((d) => d.contents);
  const service = ownerOf(roots, use.node)?.map;
  const volumes = service?.get("volumes", true);
  for (const item of isSeq(volumes) ? volumes.items : []) {
    const mount = volumeMount(item);
    if (!mount) continue;
    const named = !/^[./~$]/.test(mount.source);
    if (named || DATA_DIR.test(mount.target)) return mount.source;
  }
  return undefined;
}

/** `source:target[:mode]`, or the long syntax's `source` and `target`. */
function volumeMount(item: unknown): { source: string; target: string } | undefined {
  if (isMap(item)) {
    const source = scalarString(item.get("source", true));
    const target = scalarString(item.get("target", true));
    return source && target ? { source, target } : undefined;
  }
  const text = scalarString(item);
  const parts = text?.split(":") ?? [];
  return parts.length >= 2 ? { source: parts[0], target: parts[1] } : undefined;
}

function volumeWarning(use: ImageOccurrence, volume: string): Localized {
  const label = FAMILY_LABELS[use.service.family];
  const tool = DUMP_TOOLS[use.service.family];
  return {
    en: ` The "${volume}" volume holds a data directory written by ${label} ${use.service.version?.text}, which another release line does not start on: dump the data (${tool}), remove the volume and restore into the new version.`,
    zh: `卷 "${volume}" 中是 ${label} ${use.service.version?.text} 写入的数据目录，其他版本线无法在其上启动：请先导出数据（${tool}），删除该卷，再导入到新版本。`,
  };
}

/** Dev or CI running another release of a backing service than production. */
export const rule: Rule = {
  meta: {
    id: "parity-version-mismatch",
    factors: [10],
    categories: ["parity"],
    severity: "warning",
    kinds: ["compose", "yaml"],
    fixable: true,
    handbook: "parity",
    title: {
      en: "Backing service at different versions across environments",
      zh: "各环境中后端服务版本不一致",
    },
    description: {
      en: "When compose or CI runs another release of PostgreSQL, Redis, RabbitMQ… than production, code is tested against behaviour production does not have: syntax, defaults and bugs differ.",
      zh: "当 compose 或 CI 运行的 PostgreSQL、Redis、RabbitMQ 等版本与生产不同，代码测试的行为在生产中并不存在：语法、默认值和缺陷都可能不同。",
    },
  },

  check(context) {
    const { file, report } = context;
    const uses = imagesOf(file).filter((u) => u.service.version && u.environment !== "kubernetes");
    if (uses.length === 0) return;
    const all = workspaceImages(context);

    for (const use of uses) {
      const reference = referenceFor(use, all);
      const local = use.service.version?.parts ?? [];
      const target = reference?.service.version;
      if (!reference || !target || sameRelease(use.service.family, local, target.parts)) continue;
      const label = FAMILY_LABELS[use.service.family];
      const place = PLACE[reference.environment];
      const version = alignedVersion(use, reference);
      const volume = dataVolume(use);
      const warning = volume ? volumeWarning(use, volume) : { en: "", zh: "" };
      const [start, end] = nodeOffsets(use.node);
      const [refStart, refEnd] = nodeOffsets(reference.node);
      report({
        range: file.source.range(start, end),
        message: {
          en: `${label} ${use.service.version?.text} here, but ${target.text} in ${place.en}: what passes against one release can fail on the other (syntax, defaults and bugs differ). Run the same version everywhere.${warning.en}`,
          zh: `这里是 ${label} ${use.service.version?.text}，而 ${place.zh} 中是 ${target.text}：在一个版本上通过的代码可能在另一个版本上失败（语法、默认值和缺陷都不同）。请在各环境使用相同版本。${warning.zh}`,
        },
        fixes: alignFix(use, reference, { version, volume }),
        related: [
          {
            file: reference.file.path,
            range: reference.file.source.range(refStart, refEnd),
            message: { en: `${label} ${target.text} here`, zh: `此处为 ${label} ${target.text}` },
          },
        ],
      });
    }
  },
};
