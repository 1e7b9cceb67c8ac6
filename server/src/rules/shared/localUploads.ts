import type { Node } from "web-tree-sitter";
import {
  calleeText,
  keywordArgument,
  moduleAssignments,
  positionalArguments,
  pythonString,
  pythonEnvNames,
  readsPythonEnv,
} from "../../languages/pythonSyntax";
import { ts, walkScript } from "../../languages/script";
import { declarationName } from "../../languages/scriptSyntax";
import { configSites } from "./pythonConfigKeys";
import { calleeName, enclosingFunction } from "./pythonCode";
import { enclosingScriptFunction, moduleBinding, namedImportBinding } from "./scriptCode";
import { unwrapScript } from "./scriptValues";
import { isDecoratedRouteMethod, isPythonHandler, isScriptRouteCallback } from "./webApps";

/** An upload (or handler write) that lands on the container's own disk. */
export interface LocalUpload {
  start: number;
  end: number;
  kind: "save" | "write" | "folder" | "multer" | "move";
  /** A Flask `f.save(os.path.join(folder, name))` the fix can turn into an S3 upload. */
  save?: { file: Node; name: Node; statement: Node };
}

/** Cleaning up in the same handler: the file is temporary. */
const CLEANS_UP =
  /\b(os\.remove|(unlink|rm)\s*\(|unlinkSync|rmSync|shutil\.rmtree|tempfile\.|fs\.(unlink|rm))/;
const UPLOAD_CALLS = /^(save|open|FileSystemStorage|copyfileobj)$/;
const LOCAL_PATH = /(\/tmp\b|upload|tmpdir|gettempdir)/i;
const OBJECT_STORAGE =
  /\b(upload_fileobj|upload_file|put_object|boto3|minio|google\.cloud\.storage)\b/;
const SERVES_FILES = /\b(send_from_directory|send_file|FileResponse|StaticFiles)\b/;

function isUploadSource(node: Node | null | undefined): boolean {
  return !!node && /^request\.(files|FILES)\b/.test(node.text);
}

/** Whether a name is bound in a function to a file of `request.files`. */
function isUploadName(fn: Node, name: string): boolean {
  for (const assignment of fn.descendantsOfType("assignment")) {
    if (
      assignment.childForFieldName("left")?.text === name &&
      isUploadSource(assignment.childForFieldName("right"))
    )
      return true;
  }
  return fn
    .descendantsOfType("for_statement")
    .some(
      (f) =>
        f.childForFieldName("left")?.text === name && isUploadSource(f.childForFieldName("right")),
    );
}

function flaskSave(call: Node, fn: Node): LocalUpload | undefined {
  const callee = call.childForFieldName("function");
  if (callee?.type !== "attribute" || callee.childForFieldName("attribute")?.text !== "save")
    return undefined;
  const file = callee.childForFieldName("object");
  if (
    !file ||
    !(isUploadSource(file) || (file.type === "identifier" && isUploadName(fn, file.text)))
  )
    return undefined;
  const upload: LocalUpload = { start: call.startIndex, end: call.endIndex, kind: "save" };
  const target = positionalArguments(call)[0];
  const statement = call.parent;
  if (
    target?.type === "call" &&
    /^(os\.path\.join|path\.join)$/.test(calleeText(target)) &&
    statement?.type === "expression_statement"
  ) {
    const parts = positionalArguments(target);
    const rest = fn.text.replace(statement.text, "");
    if (parts.length >= 2 && !rest.includes(parts[0].text)) {
      upload.save = { file, name: parts[parts.length - 1], statement };
    }
  }
  return upload;
}

function writeMode(call: Node): boolean {
  const mode = pythonString(
    keywordArgument(call, "mode")?.childForFieldName("value") ?? positionalArguments(call)[1],
  );
  return !!mode && /[wax]/.test(mode);
}

function pythonWrite(call: Node, fn: Node): LocalUpload | undefined {
  const callee = calleeText(call);
  const at = { start: call.startIndex, end: call.endIndex, kind: "write" as const };
  const uploadParam = /\bUploadFile\b/.test(fn.childForFieldName("parameters")?.text ?? "");
  const djangoFiles = fn.text.includes("request.FILES");
  if (/^(open|aiofiles\.open)$/.test(callee) && writeMode(call)) {
    const path = positionalArguments(call)[0]?.text ?? "";
    if (uploadParam || djangoFiles || (isPythonHandler(fn) && LOCAL_PATH.test(path))) return at;
  }
  if (/(^|\.)FileSystemStorage$/.test(callee) && djangoFiles) return at;
  if (callee === "shutil.copyfileobj" && uploadParam) return at;
  return undefined;
}

/** Python: Flask saves, FastAPI/Django writes of uploads, handler writes under /tmp or uploads/. */
export function pythonUploads(root: Node): LocalUpload[] {
  if (!/\.save\s*\(|\bopen\s*\(|FileSystemStorage|copyfileobj|UPLOAD_FOLDER/.test(root.text))
    return [];
  const result: LocalUpload[] = [];
  const cleans = new Map<number, boolean>();
  for (const call of root.descendantsOfType("call")) {
    if (!UPLOAD_CALLS.test(calleeName(call))) continue;
    const fn = enclosingFunction(call);
    if (!fn) continue;
    if (!cleans.has(fn.id)) cleans.set(fn.id, CLEANS_UP.test(fn.text));
    if (cleans.get(fn.id)) continue;
    const found = flaskSave(call, fn) ?? pythonWrite(call, fn);
    if (found) result.push(found);
  }
  if (SERVES_FILES.test(root.text)) result.forEach((r) => delete r.save);
  if (result.length > 0 || OBJECT_STORAGE.test(root.text)) return result;
  return uploadFolders(root);
}

/** `UPLOAD_FOLDER` settings that name a local folder (not read from the environment). */
function uploadFolders(root: Node): LocalUpload[] {
  const env = pythonEnvNames(root);
  const sites = configSites(root, ["UPLOAD_FOLDER"]).map((s) => s.value.parent ?? s.value);
  const computed = moduleAssignments(root)
    .filter(
      (a) =>
        a.name === "UPLOAD_FOLDER" && a.value.type !== "string" && !readsPythonEnv(a.value, env),
    )
    .map((a) => a.node);
  return [...sites, ...computed].map((n) => ({
    start: n.startIndex,
    end: n.endIndex,
    kind: "folder" as const,
  }));
}

/** Options objects that NestJS hands to multer: `MulterModule.register`, `FileInterceptor`. */
const NEST_MULTER = /^(MulterModule\.register|(File|Files|FileFields|AnyFiles)Interceptor)$/;

/** A property of an options object literal, by name. */
function optionOf(options: ts.Expression | undefined, name: string) {
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  return options.properties.find((p) => declarationName(p) === name);
}

const fromEnv = (node: ts.Node | undefined): boolean =>
  !!node && /process\.env/.test(node.getText());

/** A multer `dest` that names a local folder (not one read from the environment). */
function multerDest(source: ts.SourceFile, options: ts.Expression | undefined) {
  const dest = optionOf(options, "dest");
  if (!dest || fromEnv(dest)) return undefined;
  return { start: dest.getStart(source), end: dest.getEnd(), kind: "multer" as const };
}

function multerUploads(source: ts.SourceFile, multer: string | undefined): LocalUpload[] {
  const disk = namedImportBinding(source, "multer", "diskStorage");
  const nest = loadsModule(source, "@nestjs/platform-express");
  const result: LocalUpload[] = [];
  for (const node of walkScript(source)) {
    if (!ts.isCallExpression(node)) continue;
    const callee = node.expression.getText(source);
    if (nest && NEST_MULTER.test(callee)) {
      const dest = multerDest(source, node.arguments[node.arguments.length - 1]);
      if (dest) result.push(dest);
    } else if ((multer && callee === `${multer}.diskStorage`) || (disk && callee === disk)) {
      if (fromEnv(optionOf(node.arguments[0], "destination"))) continue;
      result.push({
        start: node.expression.getStart(source),
        end: node.expression.getEnd(),
        kind: "multer",
      });
    } else if (multer && callee === multer) {
      const dest = multerDest(source, node.arguments[0]);
      if (dest) result.push(dest);
    }
  }
  return result;
}

function loadsModule(source: ts.SourceFile, module: string): boolean {
  return source.statements.some(
    (s) =>
      ts.isImportDeclaration(s) &&
      ts.isStringLiteral(s.moduleSpecifier) &&
      s.moduleSpecifier.text === module,
  );
}

const UPLOADED_FILES = /^(req|request)\.files\b/;

/**
 * Whether the object of a `.mv()` call is an express-fileupload file: `req.files.avatar`, or a
 * name the handler binds to it (`const avatar = req.files.avatar`, `const { avatar } = req.files`).
 */
function isUploadedFile(fn: ts.Node, object: ts.Expression, source: ts.SourceFile): boolean {
  if (UPLOADED_FILES.test(object.getText(source))) return true;
  if (!ts.isIdentifier(object)) return false;
  return [...walkScript(fn)].some((node) => {
    if (!ts.isVariableDeclaration(node) || !node.initializer) return false;
    const init = unwrapScript(node.initializer).getText(source);
    if (!UPLOADED_FILES.test(init)) return false;
    if (ts.isIdentifier(node.name)) return node.name.text === object.text;
    return ts.isObjectBindingPattern(node.name)
      ? node.name.elements.some((e) => ts.isIdentifier(e.name) && e.name.text === object.text)
      : false;
  });
}

/** The route handler a node runs in: its own function, or one its function is nested in. */
function enclosingHandler(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let fn = enclosingScriptFunction(node); fn; fn = enclosingScriptFunction(fn)) {
    if (isScriptRouteCallback(fn) || isDecoratedRouteMethod(fn)) return fn;
  }
  return undefined;
}

const FS_WRITES =
  /^(fs\.|fsp\.|fs\.promises\.|promises\.)?(writeFile|writeFileSync|createWriteStream|copyFile|copyFileSync|rename|renameSync)$/;

function scriptWrites(source: ts.SourceFile): LocalUpload[] {
  const result: LocalUpload[] = [];
  for (const node of walkScript(source)) {
    if (!ts.isCallExpression(node)) continue;
    const callee = node.expression.getText(source);
    const fn = enclosingHandler(node);
    if (!fn || CLEANS_UP.test(fn.getText(source))) continue;
    const args = node.arguments.map((a) => a.getText(source)).join(" ");
    const at = { start: node.getStart(source), end: node.getEnd() };
    const target = node.expression;
    if (
      ts.isPropertyAccessExpression(target) &&
      target.name.text === "mv" &&
      isUploadedFile(fn, target.expression, source)
    )
      result.push({ ...at, kind: "move" });
    else if (FS_WRITES.test(callee) && (LOCAL_PATH.test(args) || /\breq\.files?\b/.test(args)))
      result.push({ ...at, kind: "write" });
  }
  return result;
}

function uploadDirs(source: ts.SourceFile): LocalUpload[] {
  if (!moduleBinding(source, "formidable")) return [];
  return [...walkScript(source)]
    .filter(
      (n): n is ts.PropertyAssignment =>
        ts.isPropertyAssignment(n) && declarationName(n) === "uploadDir",
    )
    .filter((n) => !/process\.env/.test(n.initializer.getText(source)))
    .map((n) => ({ start: n.getStart(source), end: n.getEnd(), kind: "folder" as const }));
}

/** JavaScript: multer disk storage, express-fileupload `mv`, formidable `uploadDir`, handler writes. */
export function scriptUploads(source: ts.SourceFile): LocalUpload[] {
  const multer = moduleBinding(source, "multer");
  return [...multerUploads(source, multer), ...scriptWrites(source), ...uploadDirs(source)];
}
