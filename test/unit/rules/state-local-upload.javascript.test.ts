import { ruleTester } from "../../helpers/ruleTester";

ruleTester("state-local-upload", {
  valid: [
    {
      name: "multer-s3 in CommonJS",
      file: "src/upload.js",
      code: `const { S3Client } = require('@aws-sdk/client-s3');
const multer = require('multer');
const multerS3 = require('multer-s3');

module.exports = multer({
  storage: multerS3({ s3: new S3Client({}), bucket: process.env.S3_BUCKET }),
});
`,
    },
  ],
  invalid: [
    {
      name: "express-fileupload file bound to a name, then moved",
      file: "server.js",
      code: `const express = require('express');
const fileUpload = require('express-fileupload');
const path = require('path');

const app = express();
app.use(fileUpload());

app.post('/upload', (req, res) => {
  const sampleFile = req.files.sampleFile;
  const uploadPath = path.join(__dirname, 'uploads', sampleFile.name);
  sampleFile.mv(uploadPath, (err) => {
    if (err) return res.status(500).send(err);
    res.send('File uploaded!');
  });
});
`,
      findings: [{ line: 11, column: 3, messageIncludes: "local disk" }],
      output: null,
    },
    {
      name: "destructured express-fileupload file in an ES module",
      file: "src/routes/avatar.mjs",
      code: `import { Router } from 'express';

export const router = Router();

router.post('/avatar', async (req, res) => {
  const { avatar } = req.files;
  await avatar.mv(\`./public/avatars/\${req.user.id}.png\`);
  res.redirect('/profile');
});
`,
      findings: [{ line: 7, column: 9 }],
    },
    {
      name: "busboy stream written from a callback inside the handler",
      file: "src/server.js",
      code: `const express = require('express');
const busboy = require('busboy');
const fs = require('fs');
const path = require('path');

const app = express();

app.post('/upload', (req, res) => {
  const bb = busboy({ headers: req.headers });
  bb.on('file', (name, file, info) => {
    file.pipe(fs.createWriteStream(path.join(__dirname, 'uploads', info.filename)));
  });
  bb.on('close', () => res.json({ ok: true }));
  req.pipe(bb);
});
`,
      findings: [{ line: 11, column: 15 }],
    },
  ],
});
