import { ruleTester } from "../../helpers/ruleTester";

ruleTester("config-per-env-branch", {
  valid: [
    {
      name: "TypeORM: only synchronize and logging follow NODE_ENV",
      file: "src/app.module.ts",
      code: `import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

@Module({
  imports: [
    TypeOrmModule.forRoot({
      type: 'postgres',
      url: process.env.DATABASE_URL,
      synchronize: process.env.NODE_ENV !== 'production',
      logging: process.env.NODE_ENV === 'development',
    }),
  ],
})
export class AppModule {}
`,
    },
    {
      name: "pino: log level and transport by environment",
      file: "src/logger.ts",
      code: `import pino from 'pino';

export const logger = pino({
  level: process.env.NODE_ENV === 'production' ? 'info' : 'debug',
  transport: process.env.NODE_ENV === 'development' ? { target: 'pino-pretty' } : undefined,
});
`,
    },
    {
      name: "cookie and header settings by environment",
      file: "src/session.ts",
      code: `const { env } = process;

export const cookie = {
  secure: env.NODE_ENV === 'production',
  sameSite: env.NODE_ENV === 'production' ? ('none' as const) : ('lax' as const),
};
export const cacheControl = env.NODE_ENV === 'production' ? 'public, max-age=3600' : 'no-store';
`,
    },
  ],
  invalid: [
    {
      name: "TypeORM host picked by NODE_ENV in a decorator",
      file: "src/app.module.ts",
      code: `import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

@Module({
  imports: [
    TypeOrmModule.forRoot({
      type: 'postgres',
      host: process.env.NODE_ENV === 'production' ? process.env.DB_HOST : 'localhost',
    }),
  ],
})
export class AppModule {}
`,
      findings: [{ line: 8, column: 13, messageIncludes: "production" }],
      output: null,
    },
    {
      name: "typed DataSourceOptions: SQLite in tests, Postgres otherwise",
      file: "src/data-source.ts",
      code: `import { DataSource, type DataSourceOptions } from 'typeorm';

const options: DataSourceOptions =
  process.env.NODE_ENV === 'test'
    ? { type: 'sqlite', database: ':memory:' }
    : { type: 'postgres', url: process.env.DATABASE_URL };

export const dataSource = new DataSource(options);
`,
      findings: [{ line: 4, column: 3 }],
    },
    {
      name: "switch on APP_ENV returning a Redis client",
      file: "src/cache.ts",
      code: `import Redis from 'ioredis';

export function createCache(): Redis {
  switch (process.env.APP_ENV) {
    case 'production':
      return new Redis(process.env.REDIS_URL as string);
    default:
      return new Redis();
  }
}
`,
      findings: [{ line: 4, column: 11 }],
    },
    {
      name: "injectable service creating its client only in production",
      file: "src/storage.service.ts",
      code: `import { Injectable } from '@nestjs/common';
import { S3Client } from '@aws-sdk/client-s3';

interface StorageConfig {
  env: string;
  region: string;
}

@Injectable()
export class StorageService {
  private client?: S3Client;

  constructor(private readonly config: StorageConfig) {
    if (this.config.env === 'production') {
      this.client = new S3Client({ region: this.config.region });
    }
  }
}
`,
      findings: [{ line: 14, column: 9 }],
    },
    {
      name: "interface-typed config with a non-null assertion",
      file: "src/config.ts",
      code: `interface AppConfig {
  databaseUrl: string;
}

export const config: AppConfig = {
  databaseUrl:
    process.env.NODE_ENV === 'production'
      ? process.env.DATABASE_URL!
      : 'postgres://localhost:5432/shop_dev',
};
`,
      findings: [{ line: 7, column: 5 }],
    },
    {
      name: "per-environment name read with a non-null assertion",
      file: "src/config.ts",
      code: "export const redisUrl: string = process.env.REDIS_URL_STAGING!;\n",
      findings: [{ line: 1, column: 45, messageIncludes: "REDIS_URL" }],
    },
    {
      name: "test setup: reported at hint severity",
      file: "test/setup.ts",
      code: `if (process.env.NODE_ENV === 'test') {
  process.env.DATABASE_URL = 'postgres://localhost:5432/shop_test';
}
`,
      findings: [{ line: 1, column: 5, severity: "hint" }],
    },
  ],
});
