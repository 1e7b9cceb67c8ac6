/** The exact store code the quick-fix of state-in-memory-session writes, per language. */

export const PY_STORE = `class RedisDict:
    """A dict kept in Redis: JSON values under one key prefix, shared by every process."""

    def __init__(self, client, prefix, ttl=604800, default=None):
        self.client = client
        self.prefix = prefix + ":"
        self.ttl = ttl
        self.default = default

    def _key(self, key):
        return self.prefix + json.dumps(key)

    def __getitem__(self, key):
        raw = self.client.get(self._key(key))
        if raw is not None:
            return json.loads(raw)
        if self.default is None:
            raise KeyError(key)
        return self.default()

    def __setitem__(self, key, value):
        self.client.set(self._key(key), json.dumps(value), ex=self.ttl)

    def __delitem__(self, key):
        if not self.client.delete(self._key(key)):
            raise KeyError(key)

    def __contains__(self, key):
        return bool(self.client.exists(self._key(key)))

    def __iter__(self):
        for name in self.client.scan_iter(match=self.prefix + "*"):
            yield json.loads(name[len(self.prefix) :])

    def __len__(self):
        return sum(1 for _ in self)

    def get(self, key, default=None):
        raw = self.client.get(self._key(key))
        return default if raw is None else json.loads(raw)

    def pop(self, key, *default):
        raw = self.client.get(self._key(key))
        if raw is None:
            if default:
                return default[0]
            raise KeyError(key)
        self.client.delete(self._key(key))
        return json.loads(raw)

    def setdefault(self, key, default=None):
        self.client.set(self._key(key), json.dumps(default), ex=self.ttl, nx=True)
        return self.get(key, default)

    def update(self, other=(), **values):
        for key, value in dict(other, **values).items():
            self[key] = value

    def keys(self):
        return list(self)

    def values(self):
        return [self.get(key) for key in self]

    def items(self):
        return [(key, self.get(key)) for key in self]

    def clear(self):
        for name in self.client.scan_iter(match=self.prefix + "*"):
            self.client.delete(name)
`;

/** What goes after the imports of a Flask module that had none of json, os, redis, dotenv. */
export const PY_HEADER = `import json
import os
import redis

from dotenv import load_dotenv

load_dotenv()


${PY_STORE}

redis_client = redis.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)`;

export const JS_STORE = `/** A Map kept in Redis: JSON values under one key prefix, shared by every process. */
class RedisMap {
  constructor(client, prefix, ttlSeconds = 604800) {
    this.client = client;
    this.prefix = prefix;
    this.ttlSeconds = ttlSeconds;
  }

  key(key) {
    return this.prefix + ':' + String(key);
  }

  async get(key) {
    const raw = await this.client.get(this.key(key));
    return raw === null ? undefined : JSON.parse(raw);
  }

  async set(key, value) {
    await this.client.set(this.key(key), JSON.stringify(value), 'EX', this.ttlSeconds);
    return this;
  }

  async has(key) {
    return (await this.client.exists(this.key(key))) === 1;
  }

  async delete(key) {
    return (await this.client.del(this.key(key))) === 1;
  }

  async update(key, change) {
    const value = await this.get(key);
    await change(value);
    await this.set(key, value);
  }

  async clear() {
    const keys = await this.client.keys(this.prefix + ':*');
    if (keys.length > 0) await this.client.del(...keys);
  }
}`;

export const TS_STORE = `/** A Map kept in Redis: JSON values under one key prefix, shared by every process. */
class RedisMap<V = any> {
  constructor(
    private readonly client: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds = 604800,
  ) {}

  private key(key: unknown): string {
    return this.prefix + ":" + String(key);
  }

  async get(key: unknown): Promise<V | undefined> {
    const raw = await this.client.get(this.key(key));
    return raw === null ? undefined : JSON.parse(raw);
  }

  async set(key: unknown, value: V): Promise<this> {
    await this.client.set(this.key(key), JSON.stringify(value), "EX", this.ttlSeconds);
    return this;
  }

  async has(key: unknown): Promise<boolean> {
    return (await this.client.exists(this.key(key))) === 1;
  }

  async delete(key: unknown): Promise<boolean> {
    return (await this.client.del(this.key(key))) === 1;
  }

  async update(key: unknown, change: (value: V) => unknown): Promise<void> {
    const value = await this.get(key);
    await change(value as V);
    await this.set(key, value as V);
  }

  async clear(): Promise<void> {
    const keys = await this.client.keys(this.prefix + ":*");
    if (keys.length > 0) await this.client.del(...keys);
  }
}`;
