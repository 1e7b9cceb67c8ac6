import { normalizeName } from "../../languages/pep508";

/**
 * Import names whose distribution on PyPI has another name. The first distribution of each
 * entry is the one a fix adds; the others also satisfy the import when declared.
 */
const IMPORT_DISTRIBUTIONS: Record<string, string[]> = {
  yaml: ["PyYAML"],
  PIL: ["Pillow"],
  cv2: [
    "opencv-python",
    "opencv-python-headless",
    "opencv-contrib-python",
    "opencv-contrib-python-headless",
  ],
  bs4: ["beautifulsoup4"],
  jwt: ["PyJWT"],
  dotenv: ["python-dotenv"],
  sklearn: ["scikit-learn"],
  skimage: ["scikit-image"],
  psycopg2: ["psycopg2-binary", "psycopg2"],
  psycopg: ["psycopg", "psycopg-binary"],
  MySQLdb: ["mysqlclient"],
  dateutil: ["python-dateutil"],
  magic: ["python-magic"],
  OpenSSL: ["pyOpenSSL"],
  Crypto: ["pycryptodome", "pycrypto"],
  Cryptodome: ["pycryptodomex"],
  attr: ["attrs"],
  serial: ["pyserial"],
  usb: ["pyusb"],
  zmq: ["pyzmq"],
  git: ["GitPython"],
  github: ["PyGithub"],
  gitlab: ["python-gitlab"],
  telegram: ["python-telegram-bot"],
  slugify: ["python-slugify"],
  multipart: ["python-multipart"],
  jose: ["python-jose"],
  jenkins: ["python-jenkins"],
  ldap: ["python-ldap"],
  docx: ["python-docx"],
  pptx: ["python-pptx"],
  socketio: ["python-socketio"],
  engineio: ["python-engineio"],
  json_logging: ["json-logging"],
  pythonjsonlogger: ["python-json-logger"],
  dns: ["dnspython"],
  nacl: ["PyNaCl"],
  fitz: ["PyMuPDF"],
  pymupdf: ["PyMuPDF"],
  Levenshtein: ["python-Levenshtein", "Levenshtein"],
  lxml: ["lxml"],
  markdown: ["Markdown"],
  docutils: ["docutils"],
  kafka: ["kafka-python", "kafka-python-ng"],
  confluent_kafka: ["confluent-kafka"],
  consul: ["python-consul", "py-consul"],
  memcache: ["python-memcached"],
  pymemcache: ["pymemcache"],
  ujson: ["ujson"],
  simplejson: ["simplejson"],
  rest_framework: ["djangorestframework"],
  corsheaders: ["django-cors-headers"],
  environ: ["django-environ"],
  decouple: ["python-decouple"],
  debug_toolbar: ["django-debug-toolbar"],
  storages: ["django-storages"],
  django_filters: ["django-filter"],
  flask_sqlalchemy: ["Flask-SQLAlchemy"],
  flask_cors: ["Flask-Cors"],
  flask_login: ["Flask-Login"],
  flask_migrate: ["Flask-Migrate"],
  flask_session: ["Flask-Session"],
  flask_caching: ["Flask-Caching"],
  flask_wtf: ["Flask-WTF"],
  google: ["protobuf"],
  grpc: ["grpcio"],
  grpc_tools: ["grpcio-tools"],
  win32api: ["pywin32"],
  win32con: ["pywin32"],
  pkg_resources: ["setuptools"],
  Xlib: ["python-xlib"],
  mpl_toolkits: ["matplotlib"],
  wx: ["wxPython"],
  sentry_sdk: ["sentry-sdk"],
  newrelic: ["newrelic"],
  ddtrace: ["ddtrace"],
  opentelemetry: ["opentelemetry-api", "opentelemetry-sdk"],
  elasticsearch: ["elasticsearch"],
  pymongo: ["pymongo"],
  bson: ["pymongo"],
  gridfs: ["pymongo"],
  snappy: ["python-snappy"],
  Bio: ["biopython"],
  faiss: ["faiss-cpu", "faiss-gpu"],
  websocket: ["websocket-client"],
  typing_extensions: ["typing-extensions"],
  tzlocal: ["tzlocal"],
  Image: ["Pillow"],
};

/** Namespace packages whose distributions are named after the first two or three parts. */
const NAMESPACES: Array<{ prefix: string[]; depth: number }> = [
  { prefix: ["google", "cloud"], depth: 3 },
  { prefix: ["azure"], depth: 3 },
  { prefix: ["opentelemetry", "instrumentation"], depth: 3 },
  { prefix: ["opentelemetry", "exporter"], depth: 3 },
];

/**
 * The distributions (PEP 503 normalised) that can provide a dotted module name, the one a fix
 * adds first. `installed` maps top-level names of a workspace virtualenv to distributions.
 */
export function distributionCandidates(
  module: string,
  installed: ReadonlyMap<string, string[]> = new Map(),
): string[] {
  const parts = module.split(".");
  const top = parts[0];
  const candidates: string[] = [];
  for (const namespace of NAMESPACES) {
    if (namespace.prefix.every((p, i) => parts[i] === p) && parts.length >= namespace.depth) {
      candidates.push(parts.slice(0, namespace.depth).join("-"));
    }
  }
  if (top === "google" && parts[1] && parts[1] !== "cloud") candidates.push(`google-${parts[1]}`);
  if (top === "azure" && parts[1]) candidates.push(`azure-${parts[1]}`);
  candidates.push(...(installed.get(top) ?? []));
  candidates.push(...(IMPORT_DISTRIBUTIONS[top] ?? []));
  candidates.push(top);
  return [...new Set(candidates)];
}

/** The forms a declared distribution name may take for an import of the same name. */
function declaredForms(distribution: string): string[] {
  const name = normalizeName(distribution);
  const forms = [name];
  const stripped = name.replace(/^(python|py)-/, "").replace(/-(python|py)$/, "");
  if (stripped !== name) forms.push(stripped);
  return forms;
}

/** Whether one of the declared distributions provides the module. */
export function isDeclared(
  module: string,
  declared: ReadonlySet<string>,
  installed?: ReadonlyMap<string, string[]>,
): boolean {
  const wanted = new Set(distributionCandidates(module, installed).map(normalizeName));
  for (const distribution of declared) {
    if (declaredForms(distribution).some((form) => wanted.has(form))) return true;
  }
  return false;
}

/** The distribution name a fix writes for a module: the mapped name, else the import name. */
export function distributionFor(module: string, installed?: ReadonlyMap<string, string[]>): string {
  return distributionCandidates(module, installed)[0];
}
