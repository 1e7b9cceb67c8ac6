import { ruleTester } from "../../helpers/ruleTester";

const FLASK = "import os\nfrom flask import Flask, request\n\napp = Flask(__name__)\n";
const upload = (body: string) => `${FLASK}\n\n@app.post("/upload")\ndef upload():\n${body}\n`;

ruleTester("state-local-upload", {
  valid: [
    {
      name: "temporary file removed in the same handler",
      file: "app.py",
      code: upload(
        '    f = request.files["file"]\n    path = os.path.join("/tmp", f.filename)\n    f.save(path)\n    scan(path)\n    os.remove(path)\n    return {}',
      ),
    },
    {
      name: "tempfile",
      file: "app.py",
      code: upload(
        '    import tempfile\n    with tempfile.NamedTemporaryFile() as tmp:\n        request.files["file"].save(tmp.name)\n        return {"size": os.path.getsize(tmp.name)}',
      ),
    },
    {
      name: "upload folder from env",
      file: "config.py",
      code: 'import os\n\nUPLOAD_FOLDER = os.environ.get("UPLOAD_FOLDER", "/data/uploads")\n',
    },
    {
      name: "save of something that is not an upload",
      file: "app.py",
      code: upload(
        "    report = build_report()\n    report.save('/srv/reports/latest.pdf')\n    return {}",
      ),
    },
    {
      name: "fastapi upload streamed to object storage",
      file: "main.py",
      code: 'import boto3\nfrom fastapi import FastAPI, UploadFile\n\napp = FastAPI()\ns3 = boto3.client("s3")\n\n\n@app.post("/avatar")\nasync def avatar(file: UploadFile):\n    s3.upload_fileobj(file.file, "avatars", file.filename)\n    return {}\n',
    },
    {
      name: "upload folder setting left over after moving to S3",
      file: "app.py",
      code: 'import boto3\nfrom flask import Flask\n\napp = Flask(__name__)\napp.config["UPLOAD_FOLDER"] = "uploads"\ns3 = boto3.client("s3")\n',
    },
    {
      name: "multer memory storage",
      file: "server.js",
      code: "const express = require('express');\nconst multer = require('multer');\nconst upload = multer({ storage: multer.memoryStorage() });\nconst app = express();\napp.post('/up', upload.single('f'), (req, res) => res.json({ size: req.file.size }));\n",
    },
    {
      name: "temp write removed in the handler",
      file: "server.js",
      code: "const fs = require('fs');\nconst express = require('express');\nconst app = express();\napp.post('/up', async (req, res) => {\n  await fs.promises.writeFile('/tmp/x', req.body);\n  await convert('/tmp/x');\n  await fs.promises.unlink('/tmp/x');\n  res.end();\n});\n",
    },
    {
      name: "write outside a handler",
      file: "build.js",
      code: "const fs = require('fs');\nfs.writeFileSync('uploads/.keep', '');\n",
    },
    {
      name: "multer without options keeps files in memory",
      file: "server.js",
      code: "const multer = require('multer');\nconst upload = multer();\n",
    },
    {
      name: "formidable upload dir from env",
      file: "server.js",
      code: "const formidable = require('formidable');\nconst form = formidable({ uploadDir: process.env.UPLOAD_DIR });\n",
    },
  ],
  invalid: [
    {
      name: "flask save into the upload folder, fixed to S3",
      file: "app.py",
      code: upload(
        '    f = request.files["file"]\n    f.save(os.path.join(app.config["UPLOAD_FOLDER"], f.filename))\n    return {"ok": True}',
      ),
      files: { "requirements.txt": "Flask==3.0.3\n" },
      findings: [{ line: 10, column: 5, messageIncludes: "local disk" }],
      output: `import os\nfrom flask import Flask, request\nimport boto3\n\ns3 = boto3.client("s3")\n\napp = Flask(__name__)\n\n\n@app.post("/upload")\ndef upload():\n    f = request.files["file"]\n    s3.upload_fileobj(f, os.environ["S3_BUCKET"], f.filename)\n    return {"ok": True}\n`,
      outputFiles: {
        "requirements.txt": "Flask==3.0.3\nboto3==1.35.99\n",
        ".env.example": "S3_BUCKET=\n",
      },
      parses: true,
    },
    {
      name: "S3 client created after the module loads .env",
      file: "app.py",
      code: 'import os\nfrom dotenv import load_dotenv\nfrom flask import Flask, request\n\nload_dotenv()\napp = Flask(__name__)\n\n\n@app.post("/up")\ndef up():\n    request.files["f"].save(os.path.join("uploads", request.files["f"].filename))\n    return {}\n',
      findings: [{ line: 11, column: 5 }],
      output:
        'import os\nfrom dotenv import load_dotenv\nfrom flask import Flask, request\nimport boto3\n\nload_dotenv()\n\ns3 = boto3.client("s3")\n\napp = Flask(__name__)\n\n\n@app.post("/up")\ndef up():\n    s3.upload_fileobj(request.files["f"], os.environ["S3_BUCKET"], request.files["f"].filename)\n    return {}\n',
      parses: true,
    },
    {
      name: "S3 client after .env loading that blank lines already follow: no third blank line",
      file: "app.py",
      code: 'import os\nfrom dotenv import load_dotenv\nfrom flask import Flask, request\n\nload_dotenv()\n\n\nclass Store:\n    pass\n\n\napp = Flask(__name__)\n\n\n@app.post("/up")\ndef up():\n    request.files["f"].save(os.path.join("uploads", request.files["f"].filename))\n    return {}\n',
      findings: [{ line: 17, column: 5 }],
      output:
        'import os\nfrom dotenv import load_dotenv\nfrom flask import Flask, request\nimport boto3\n\nload_dotenv()\n\ns3 = boto3.client("s3")\n\n\nclass Store:\n    pass\n\n\napp = Flask(__name__)\n\n\n@app.post("/up")\ndef up():\n    s3.upload_fileobj(request.files["f"], os.environ["S3_BUCKET"], request.files["f"].filename)\n    return {}\n',
      parses: true,
    },
    {
      name: "saved path used later: no automatic fix",
      file: "app.py",
      code: upload(
        '    f = request.files["file"]\n    path = os.path.join("uploads", f.filename)\n    f.save(path)\n    return {"path": path}',
      ),
      findings: [{ line: 11, column: 5 }],
      output: null,
    },
    {
      name: "files served back from the folder: no automatic fix",
      file: "app.py",
      code: `from flask import send_from_directory\n${upload('    for f in request.files.getlist("photos"):\n        f.save(os.path.join("uploads", f.filename))\n    return {}')}`,
      findings: [{ line: 11, column: 9 }],
      output: null,
    },
    {
      name: "fastapi UploadFile written with open",
      file: "main.py",
      code: 'import shutil\nfrom fastapi import FastAPI, UploadFile\n\napp = FastAPI()\n\n\n@app.post("/avatar")\nasync def avatar(file: UploadFile):\n    with open(f"uploads/{file.filename}", "wb") as out:\n        shutil.copyfileobj(file.file, out)\n    return {}\n',
      findings: [
        { line: 9, column: 10 },
        { line: 10, column: 9 },
      ],
    },
    {
      name: "django view writing request.FILES",
      file: "shop/views.py",
      code: 'from django.http import HttpResponse\n\n\ndef upload(request):\n    f = request.FILES["doc"]\n    with open("/srv/media/" + f.name, "wb+") as out:\n        for chunk in f.chunks():\n            out.write(chunk)\n    return HttpResponse("ok")\n',
      findings: [{ line: 6, column: 10 }],
    },
    {
      name: "upload folder setting",
      file: "config.py",
      code: 'import os\n\nBASE_DIR = os.path.dirname(__file__)\nUPLOAD_FOLDER = os.path.join(BASE_DIR, "uploads")\n',
      findings: [{ line: 4, column: 1 }],
    },
    {
      name: "multer dest",
      file: "server.js",
      code: "const express = require('express');\nconst multer = require('multer');\nconst upload = multer({ dest: 'uploads/' });\n",
      findings: [{ line: 3, column: 25 }],
    },
    {
      name: "multer diskStorage",
      file: "src/upload.ts",
      code: "import multer from 'multer';\n\nexport const upload = multer({\n  storage: multer.diskStorage({ destination: '/var/uploads' }),\n});\n",
      findings: [{ line: 4, column: 12 }],
    },
    {
      name: "express-fileupload mv",
      file: "server.js",
      code: "const express = require('express');\nconst app = express();\napp.post('/up', (req, res) => {\n  req.files.avatar.mv(`./uploads/${req.files.avatar.name}`, () => res.end());\n});\n",
      findings: [{ line: 4, column: 3 }],
    },
    {
      name: "handler writes under /tmp and keeps it",
      file: "server.mjs",
      code: "import express from 'express';\nimport fs from 'fs';\nconst app = express();\napp.post('/report', async (req, res) => {\n  await fs.promises.writeFile(`/tmp/${req.params.id}.csv`, req.body);\n  res.json({ ok: true });\n});\n",
      findings: [{ line: 5, column: 9 }],
    },
    {
      name: "formidable upload dir",
      file: "server.js",
      code: "const formidable = require('formidable');\nconst form = formidable({ uploadDir: './uploads', keepExtensions: true });\n",
      findings: [{ line: 2, column: 27 }],
    },
  ],
});
