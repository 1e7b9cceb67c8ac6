import { ruleTester } from "../../helpers/ruleTester";

const SETTINGS = `from pydantic import Field
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
`;

/** Config libraries read the environment too: their defaults are fallbacks of an env read. */
ruleTester("config-hardcoded-url", {
  valid: [
    {
      name: "django-environ defaults",
      file: "shop/settings.py",
      code: `import environ

env = environ.Env()
REDIS_URL = env.str("REDIS_URL", default="redis://localhost:6379/0")
DATABASE_URL = env("DATABASE_URL", default="postgres://localhost/shop")
DATABASES = {"default": env.db_url("DATABASE_URL", default="postgres://127.0.0.1/shop")}
`,
    },
    {
      name: "python-decouple defaults",
      file: "shop/settings.py",
      code: `from decouple import config

CACHE_URL = config("CACHE_URL", default="redis://localhost:6379/1")
BROKER_URL = config("BROKER_URL", "amqp://localhost:5672")
`,
    },
    {
      name: "pydantic BaseSettings field defaults",
      file: "app/settings.py",
      code: `${SETTINGS}    redis_url: str = "redis://localhost:6379/0"
    database_url: str = Field(default="postgresql://localhost/app")
    broker_url: str = Field("amqp://localhost:5672")
`,
    },
    {
      name: "NestJS ConfigService defaults",
      file: "src/queue.service.ts",
      code: `import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

@Injectable()
export class QueueService {
  constructor(private readonly configService: ConfigService, private config: ConfigService) {}

  url(): string {
    return this.config.get('AMQP_URL', 'amqp://localhost:5672');
  }

  cache(): string {
    return this.configService.get<string>('REDIS_URL', 'redis://localhost:6379');
  }
}
`,
    },
  ],
  invalid: [
    {
      name: "a remote default of django-environ is a hint",
      file: "shop/settings.py",
      code: `import environ

env = environ.Env()
REDIS_URL = env.str("REDIS_URL", default="redis://cache.shop.internal:6379/0")
`,
      findings: [{ line: 4, column: 43, severity: "hint" }],
      output: null,
    },
    {
      name: "a remote default of NestJS ConfigService is a hint",
      file: "src/queue.ts",
      code: "export const url = configService.get('AMQP_URL', 'amqp://mq.shop.internal:5672');\n",
      findings: [{ line: 1, column: 51, severity: "hint" }],
      output: null,
    },
    {
      name: "a plain class attribute is not a settings field",
      file: "app/clients.py",
      code: 'class Clients:\n    redis_url: str = "redis://cache.shop.internal:6379/0"\n',
      findings: [{ line: 2, column: 23, severity: "warning" }],
    },
    {
      name: "a get() on something else than configuration is not an env read",
      file: "src/urls.ts",
      code: "export const url = cache.get('AMQP_URL', 'amqp://localhost:5672');\n",
      findings: [{ line: 1, column: 43, severity: "warning" }],
    },
  ],
});
