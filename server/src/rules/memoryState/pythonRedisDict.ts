/** Seconds a stored value lives after its last write; sessions and carts outlive a day of idling. */
export const STORE_TTL_SECONDS = 7 * 24 * 3600;

/**
 * The dict-like Redis store a fix inserts into a Python module. Values are JSON under
 * `<prefix>:<json key>` and expire `ttl` seconds after their last write, so every process sees
 * the same data and a restart loses nothing.
 */
export function redisDictClass(name: string, quote: string): string[] {
  const q = quote;
  return [
    `class ${name}:`,
    `    ${q}${q}${q}A dict kept in Redis: JSON values under one key prefix, shared by every process.${q}${q}${q}`,
    "",
    `    def __init__(self, client, prefix, ttl=${STORE_TTL_SECONDS}, default=None):`,
    "        self.client = client",
    `        self.prefix = prefix + ${q}:${q}`,
    "        self.ttl = ttl",
    "        self.default = default",
    "",
    "    def _key(self, key):",
    "        return self.prefix + json.dumps(key)",
    "",
    "    def __getitem__(self, key):",
    "        raw = self.client.get(self._key(key))",
    "        if raw is not None:",
    "            return json.loads(raw)",
    "        if self.default is None:",
    "            raise KeyError(key)",
    "        return self.default()",
    "",
    "    def __setitem__(self, key, value):",
    "        self.client.set(self._key(key), json.dumps(value), ex=self.ttl)",
    "",
    "    def __delitem__(self, key):",
    "        if not self.client.delete(self._key(key)):",
    "            raise KeyError(key)",
    "",
    "    def __contains__(self, key):",
    "        return bool(self.client.exists(self._key(key)))",
    "",
    "    def __iter__(self):",
    `        for name in self.client.scan_iter(match=self.prefix + ${q}*${q}):`,
    "            yield json.loads(name[len(self.prefix) :])",
    "",
    "    def __len__(self):",
    "        return sum(1 for _ in self)",
    "",
    "    def get(self, key, default=None):",
    "        raw = self.client.get(self._key(key))",
    "        return default if raw is None else json.loads(raw)",
    "",
    "    def pop(self, key, *default):",
    "        raw = self.client.get(self._key(key))",
    "        if raw is None:",
    "            if default:",
    "                return default[0]",
    "            raise KeyError(key)",
    "        self.client.delete(self._key(key))",
    "        return json.loads(raw)",
    "",
    "    def setdefault(self, key, default=None):",
    "        self.client.set(self._key(key), json.dumps(default), ex=self.ttl, nx=True)",
    "        return self.get(key, default)",
    "",
    "    def update(self, other=(), **values):",
    "        for key, value in dict(other, **values).items():",
    "            self[key] = value",
    "",
    "    def keys(self):",
    "        return list(self)",
    "",
    "    def values(self):",
    "        return [self.get(key) for key in self]",
    "",
    "    def items(self):",
    "        return [(key, self.get(key)) for key in self]",
    "",
    "    def clear(self):",
    `        for name in self.client.scan_iter(match=self.prefix + ${q}*${q}):`,
    "            self.client.delete(name)",
  ];
}

/** Whether a module already has the store class a fix inserts (from fixing another container). */
export function isRedisDictClass(text: string): boolean {
  return /def _key\(self, key\):\r?\n\s+return self\.prefix \+ json\.dumps\(key\)/.test(text);
}
