import * as path from "node:path";
import type { ParsedFile } from "../engine/parse";
import type { Rule, RuleContext } from "../engine/rule";
import type { Fix, Localized } from "../engine/types";
import {
  canonicalRepository,
  isTemplated,
  parseImageRef,
  type ImageRef,
} from "../languages/imageRef";
import { imageUses, type ImageUse } from "./shared/imageUses";

const IMAGE_KINDS = ["dockerfile", "compose", "kubernetes"] as const;

/** At most this many pins are offered when the workspace uses several versions. */
const MAX_FIXES = 3;

/** An image without a fixed version is a different image on every pull. */
export const rule: Rule = {
  meta: {
    id: "parity-floating-tag",
    factors: [10, 5],
    categories: ["parity"],
    severity: "warning",
    kinds: [...IMAGE_KINDS],
    fixable: true,
    handbook: "parity",
    title: { en: "Image tag floats (:latest or no tag)", zh: "镜像标签不固定（:latest 或无标签）" },
    description: {
      en: "`:latest` or a missing tag resolves to whatever was pushed last, so dev, CI and production run different images and a rollback can pull a newer one. Pin a version tag (or a digest).",
      zh: "`:latest` 或缺省标签指向最近一次推送的镜像，开发、CI 与生产运行的镜像各不相同，回滚时甚至会拉到更新的版本。请固定版本标签（或摘要）。",
    },
  },

  check(context) {
    for (const use of imageUses(context.file)) {
      if (!isFloating(use.image)) continue;
      const ref = parseImageRef(use.image);
      const pins = knownPins(context, ref).slice(0, MAX_FIXES);
      context.report({
        range: use.range,
        message: messageFor(use.image, ref, pins.length > 0),
        fixes: pins.map((pin, index) => fixFor(context, use, ref, pin, index === 0)),
      });
    }
  },
};

export function isFloating(image: string): boolean {
  if (isTemplated(image) || image.toLowerCase() === "scratch") return false;
  const ref = parseImageRef(image);
  return !ref.digest && (ref.tag === undefined || ref.tag === "latest");
}

interface Pin {
  tag: string;
  /** A file that uses it, relative to the workspace root. */
  where: string;
  count: number;
}

/** Concrete tags the workspace uses for the same repository, most used first. */
function knownPins(context: RuleContext, ref: ImageRef): Pin[] {
  const wanted = canonicalRepository(ref.repository);
  const pins = new Map<string, Pin>();
  const root = context.workspace.rootOf(context.file.path);
  for (const file of filesWithImages(context)) {
    for (const use of imageUses(file)) {
      if (isFloating(use.image) || isTemplated(use.image)) continue;
      const other = parseImageRef(use.image);
      if (!other.tag || canonicalRepository(other.repository) !== wanted) continue;
      const where = path.relative(root, file.path).split(path.sep).join("/");
      const pin = pins.get(other.tag) ?? { tag: other.tag, where, count: 0 };
      pin.count++;
      pins.set(other.tag, pin);
    }
  }
  return [...pins.values()].sort((a, b) => b.count - a.count || a.where.localeCompare(b.where));
}

function filesWithImages(context: RuleContext): ParsedFile[] {
  const others = context.workspace.model.relatedFilesOfKind(context.file.path, ...IMAGE_KINDS);
  return [context.file, ...others];
}

function fixFor(
  context: RuleContext,
  use: ImageUse,
  ref: ImageRef,
  pin: Pin,
  preferred: boolean,
): Fix {
  const pinned = `${ref.repository}:${pin.tag}`;
  return {
    title: {
      en: `Pin to ${pinned} (as in ${pin.where})`,
      zh: `固定为 ${pinned}（与 ${pin.where} 一致）`,
    },
    preferred,
    changes: [
      {
        file: context.file.path,
        edits: [{ range: use.range, newText: `${use.quote}${pinned}${use.quote}` }],
      },
    ],
  };
}

function messageFor(image: string, ref: ImageRef, pinKnown: boolean): Localized {
  const what = ref.tag
    ? { en: `"${image}" floats`, zh: `"${image}" 是浮动标签` }
    : {
        en: `"${image}" has no tag, so it means :latest`,
        zh: `"${image}" 没有标签，等同于 :latest`,
      };
  const todo = pinKnown
    ? { en: "", zh: "" }
    : {
        en: " Pin the version you tested, e.g. the tag your registry shows for today's image.",
        zh: "请固定为已验证的版本，例如镜像仓库中当前镜像的标签。",
      };
  return {
    en: `${what.en}: every pull can get a different image, so dev, CI and production run different versions and a rollback may pull a newer one.${todo.en}`,
    zh: `${what.zh}：每次拉取得到的镜像都可能不同，开发、CI 和生产运行的版本不一致，回滚时还可能拉到更新的版本。${todo.zh}`,
  };
}
