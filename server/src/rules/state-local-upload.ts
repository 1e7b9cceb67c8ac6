import type { ParsedFile } from "../engine/parse";
import type { Rule } from "../engine/rule";
import type { Fix, Localized, TextEdit } from "../engine/types";
import type { Workspace } from "../workspace/workspace";
import { envFileChanges } from "./shared/envFiles";
import { addPythonRequirement } from "./shared/manifests";
import {
  freshPythonName,
  moduleCodeEdits,
  pythonEnviron,
  pythonLiteral,
  pythonPreferredQuote,
  replaceNode,
} from "./shared/pythonCode";
import { pythonImportMap } from "./shared/pythonServers";
import { pythonUploads, scriptUploads, type LocalUpload } from "./shared/localUploads";
import { mergeChanges } from "./shared/redisBacking";

/** What to do by hand, with the libraries of the code's ecosystem. */
const MANUAL: Record<"python" | "script", Localized> = {
  python: {
    en:
      " Upload to object storage instead (boto3's upload_fileobj) and serve the files from " +
      "there.",
    zh: "请改为上传到对象存储（boto3 的 upload_fileobj），并从那里提供下载。",
  },
  script: {
    en:
      " Upload to object storage instead (@aws-sdk/client-s3, or multer-s3 as multer's " +
      "storage) and serve the files from there.",
    zh:
      "请改为上传到对象存储（@aws-sdk/client-s3，或把 multer-s3 用作 multer 的 storage），" +
      "并从那里提供下载。",
  },
};

/** User uploads written to the container's own disk. */
export const rule: Rule = {
  meta: {
    id: "state-local-upload",
    factors: [6],
    categories: ["data-loss", "scaling"],
    severity: "warning",
    kinds: ["python", "javascript", "typescript"],
    fixable: true,
    handbook: "data-loss",
    title: {
      en: "User uploads stored on the container's local disk",
      zh: "用户上传的文件保存在容器本地磁盘",
    },
    description: {
      en: "A container's file system is thrown away when the container is replaced, and each replica has its own: uploads written there vanish on the next deploy and are missing whenever another replica serves the download. Store uploads in object storage (S3, MinIO) named by S3_BUCKET.",
      zh: "容器的文件系统在容器被替换时会被丢弃，而且每个副本各有一份：写在那里的上传文件会在下次发布时消失，由其他副本处理下载请求时也找不到。请把上传文件存到对象存储（S3、MinIO），桶名取自 S3_BUCKET。",
    },
  },

  check({ file, workspace, report }) {
    const uploads = file.python
      ? pythonUploads(file.python.root)
      : file.script
        ? scriptUploads(file.script.source)
        : [];
    for (const upload of uploads) {
      const fix = upload.save ? s3Fix(workspace, file, upload) : undefined;
      const manual = fix ? { en: "", zh: "" } : MANUAL[file.python ? "python" : "script"];
      const what =
        upload.kind === "folder"
          ? "Uploads go to a local folder"
          : "This writes a user upload to the container's local disk";
      const whatZh =
        upload.kind === "folder"
          ? "上传文件被保存到本地目录"
          : "这里把用户上传的文件写到了容器本地磁盘";
      report({
        range: file.source.range(upload.start, upload.end),
        message: {
          en: `${what}: it disappears when the container is replaced and other replicas cannot see it, so downloads fail after a deploy or on another instance.${manual.en}`,
          zh: `${whatZh}：容器被替换后文件即消失，其他副本也看不到，发布后或换到其他实例时下载就会失败。${manual.zh}`,
        },
        fixes: fix ? [fix] : [],
      });
    }
  },
};

/** `f.save(os.path.join(folder, name))` → `s3.upload_fileobj(f, os.environ["S3_BUCKET"], name)`. */
function s3Fix(workspace: Workspace, file: ParsedFile, upload: LocalUpload): Fix | undefined {
  const root = file.python?.root;
  const save = upload.save;
  if (!root || !save) return undefined;
  const imports = pythonImportMap(root);
  if (imports.has("boto3") && imports.get("boto3") !== "boto3") return undefined;
  const quote = pythonPreferredQuote(file.source);
  const environ = pythonEnviron(root, file.source);
  const existing = /^(\w+) = boto3\.client\(["']s3["']\)/m.exec(file.source.text)?.[1];
  const client = existing ?? freshPythonName(root, "s3");
  const lines = [
    ...(environ.edits.length > 0 ? ["import os"] : []),
    ...(imports.has("boto3") ? [] : ["import boto3"]),
  ];
  const code = existing ? [] : ["", `${client} = boto3.client(${pythonLiteral("s3", quote)})`];
  const bucket = `${environ.text}[${pythonLiteral("S3_BUCKET", quote)}]`;
  const call = `${client}.upload_fileobj(${save.file.text}, ${bucket}, ${save.name.text})`;
  const edits: TextEdit[] = [
    ...moduleCodeEdits(root, file.source, lines, code),
    replaceNode(file.source, save.statement, call),
  ];
  return {
    title: { en: "Upload to S3 (bucket from S3_BUCKET)", zh: "上传到 S3（桶名取自 S3_BUCKET）" },
    changes: mergeChanges([
      { file: file.path, edits },
      ...[addPythonRequirement(workspace, file.path, "boto3")].filter((c) => c !== undefined),
      ...envFileChanges(workspace, file.path, [{ name: "S3_BUCKET", example: "" }]),
    ]),
    preferred: true,
  };
}
