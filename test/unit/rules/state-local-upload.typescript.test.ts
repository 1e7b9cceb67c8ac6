import { ruleTester } from "../../helpers/ruleTester";

/** A NestJS controller with one `@Post()` upload method: its decorators, body and imports. */
const nestController = (decorators: string, body: string, imports = "") =>
  `import { Controller, Post, UploadedFile, UseInterceptors } from "@nestjs/common";
import { FileInterceptor } from "@nestjs/platform-express";
${imports}
@Controller("files")
export class FilesController {
  @Post()
${decorators}
  async upload(@UploadedFile() file: Express.Multer.File) {
${body}
  }
}
`;

ruleTester("state-local-upload", {
  valid: [
    {
      name: "multer-s3 storage, bucket from S3_BUCKET",
      file: "src/upload.ts",
      code: `import { S3Client } from "@aws-sdk/client-s3";
import multer from "multer";
import multerS3 from "multer-s3";

const s3 = new S3Client({});

export const upload = multer({
  storage: multerS3({
    s3,
    bucket: process.env.S3_BUCKET as string,
    key: (_req, file, cb) => cb(null, \`avatars/\${Date.now()}-\${file.originalname}\`),
  }),
});
`,
    },
    {
      name: "NestJS controller sending the buffer to S3",
      file: "src/files/files.controller.ts",
      code: nestController(
        '  @UseInterceptors(FileInterceptor("file"))',
        `    const key = \`uploads/\${Date.now()}-\${file.originalname}\`;
    const Bucket = process.env.S3_BUCKET;
    await s3.send(new PutObjectCommand({ Bucket, Key: key, Body: file.buffer }));
    return { key };`,
        `import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

const s3 = new S3Client({});
`,
      ),
    },
    {
      name: "temporary file removed in the same handler",
      file: "src/routes/thumbnails.ts",
      code: `import { randomUUID } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Router } from "express";

export const router = Router();

router.post("/thumbnails", async (req, res) => {
  const name = \`\${randomUUID()}.png\`;
  await writeFile(join(tmpdir(), name), req.body);
  try {
    res.json(await uploadThumbnail(join(tmpdir(), name)));
  } finally {
    await rm(join(tmpdir(), name), { force: true });
  }
});
`,
    },
    {
      name: "multer dest read from the environment (a mounted volume)",
      file: "src/upload.mts",
      code: `import multer from "multer";

export const upload = multer({ dest: process.env.UPLOAD_DIR });
`,
    },
    {
      name: "setup script writing outside any handler",
      file: "scripts/seed-uploads.ts",
      code: `import { mkdirSync, writeFileSync } from "node:fs";

mkdirSync("uploads", { recursive: true });
writeFileSync("uploads/.gitkeep", "");
`,
    },
  ],
  invalid: [
    {
      name: "NestJS FileInterceptor with multer diskStorage imported by name",
      file: "src/files/files.controller.ts",
      code: nestController(
        `  @UseInterceptors(
    FileInterceptor("file", {
      storage: diskStorage({
        destination: "./uploads",
        filename: (_req, file, cb) => cb(null, \`\${Date.now()}\${extname(file.originalname)}\`),
      }),
    }),
  )`,
        "    return { path: file.path };",
        'import { diskStorage } from "multer";\nimport { extname } from "node:path";\n',
      ),
      findings: [{ line: 11, column: 16, messageIncludes: "local disk" }],
      output: null,
    },
    {
      name: "NestJS route method writing the buffer to uploads/",
      file: "src/files/files.controller.ts",
      code: nestController(
        '  @UseInterceptors(FileInterceptor("file"))',
        `    await writeFile(join("uploads", file.originalname), file.buffer);
    return { ok: true };`,
        'import { writeFile } from "node:fs/promises";\nimport { join } from "node:path";\n',
      ),
      findings: [{ line: 11, column: 11 }],
      output: null,
    },
    {
      name: "NestJS MulterModule with a local dest",
      file: "src/app.module.ts",
      code: `import { Module } from "@nestjs/common";
import { MulterModule } from "@nestjs/platform-express";

@Module({
  imports: [MulterModule.register({ dest: "./upload" })],
})
export class AppModule {}
`,
      findings: [{ line: 5, column: 37 }],
    },
    {
      name: "Fastify multipart streamed into ./uploads",
      file: "src/server.ts",
      code: `import Fastify from "fastify";
import multipart from "@fastify/multipart";
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";

const app = Fastify();
app.register(multipart);

app.post("/upload", async (request, reply) => {
  const data = await request.file();
  if (!data) return reply.code(400).send();
  await pipeline(data.file, createWriteStream(\`./uploads/\${data.filename}\`));
  return { ok: true };
});
`,
      findings: [{ line: 12, column: 29 }],
      output: null,
    },
    {
      name: "Express router with typed handlers and multer dest",
      file: "src/routes/documents.ts",
      code: `import { Router, type Request, type Response } from "express";
import multer from "multer";

const upload = multer({ dest: "uploads/", limits: { fileSize: 10 * 1024 * 1024 } });
export const documents = Router();

documents.post("/", upload.single("document"), (req: Request, res: Response) => {
  res.status(201).json({ id: req.file?.filename });
});
`,
      findings: [{ line: 4, column: 25 }],
    },
    {
      name: "test file: reported at hint severity",
      file: "src/__tests__/upload.test.ts",
      code: `import express from "express";
import multer from "multer";
import request from "supertest";

const app = express();
const upload = multer({ dest: "/tmp/test-uploads" });
app.post("/up", upload.single("file"), (req, res) => res.json({ name: req.file?.originalname }));

it("accepts a file", async () => {
  await request(app).post("/up").attach("file", Buffer.from("x"), "x.txt").expect(200);
});
`,
      findings: [{ line: 6, column: 25, severity: "hint" }],
    },
  ],
});
