import { STORE_TTL_SECONDS } from "./pythonRedisDict";

export interface StoreStyle {
  quote: string;
  semi: string;
  typescript: boolean;
}

/**
 * The Map-like Redis store a fix inserts into a script: async get/set/has/delete/update/clear,
 * JSON values under `<prefix>:<key>`, each expiring a week after its last write.
 */
export function redisMapClass(name: string, redisType: string, style: StoreStyle): string[] {
  const { quote: q, semi: s, typescript: ts } = style;
  const field = (text: string) => (ts ? `private readonly ${text}` : text);
  const type = (text: string) => (ts ? text : "");
  const constructor = ts
    ? [
        "  constructor(",
        `    ${field(`client: ${redisType}`)},`,
        `    ${field("prefix: string")},`,
        `    ${field(`ttlSeconds = ${STORE_TTL_SECONDS}`)},`,
        "  ) {}",
      ]
    : [
        `  constructor(client, prefix, ttlSeconds = ${STORE_TTL_SECONDS}) {`,
        `    this.client = client${s}`,
        `    this.prefix = prefix${s}`,
        `    this.ttlSeconds = ttlSeconds${s}`,
        "  }",
      ];
  return [
    `/** A Map kept in Redis: JSON values under one key prefix, shared by every process. */`,
    `class ${name}${type("<V = any>")} {`,
    ...constructor,
    "",
    `  ${ts ? "private " : ""}key(key${type(": unknown")})${type(": string")} {`,
    `    return this.prefix + ${q}:${q} + String(key)${s}`,
    "  }",
    "",
    `  async get(key${type(": unknown")})${type(": Promise<V | undefined>")} {`,
    `    const raw = await this.client.get(this.key(key))${s}`,
    `    return raw === null ? undefined : JSON.parse(raw)${s}`,
    "  }",
    "",
    `  async set(key${type(": unknown")}, value${type(": V")})${type(": Promise<this>")} {`,
    `    await this.client.set(this.key(key), JSON.stringify(value), ${q}EX${q}, this.ttlSeconds)${s}`,
    `    return this${s}`,
    "  }",
    "",
    `  async has(key${type(": unknown")})${type(": Promise<boolean>")} {`,
    `    return (await this.client.exists(this.key(key))) === 1${s}`,
    "  }",
    "",
    `  async delete(key${type(": unknown")})${type(": Promise<boolean>")} {`,
    `    return (await this.client.del(this.key(key))) === 1${s}`,
    "  }",
    "",
    `  async update(key${type(": unknown")}, change${type(": (value: V) => unknown")})${type(": Promise<void>")} {`,
    `    const value = await this.get(key)${s}`,
    `    await change(value${type(" as V")})${s}`,
    `    await this.set(key, value${type(" as V")})${s}`,
    "  }",
    "",
    `  async clear()${type(": Promise<void>")} {`,
    `    const keys = await this.client.keys(this.prefix + ${q}:*${q})${s}`,
    `    if (keys.length > 0) await this.client.del(...keys)${s}`,
    "  }",
    "}",
  ];
}

/** Whether a file already has the store class a fix inserts (from fixing another container). */
export function redisMapClassName(text: string): string | undefined {
  return /class (\w+)(?:<V = any>)? \{\r?\n(?:.*\r?\n){0,8}?\s+return this\.prefix \+ .:. \+ String\(key\)/.exec(
    text,
  )?.[1];
}
