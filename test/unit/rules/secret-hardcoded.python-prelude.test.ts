import { ruleTester } from "../../helpers/ruleTester";

const SECRET = "9b7e5c3a1f8d6b4e2c0a";

/** Where the quick-fix puts `import os` and `.env` loading in a Python module. */
ruleTester("secret-hardcoded", {
  valid: [],
  invalid: [
    {
      name: "after a from __future__ import",
      file: "conf.py",
      code: `from __future__ import annotations\n\nAPI_TOKEN = "${SECRET}"\n`,
      findings: [{ line: 3, column: 13 }],
      parses: true,
      output: `from __future__ import annotations\nimport os\nfrom dotenv import load_dotenv\n\nload_dotenv()\n\nAPI_TOKEN = os.environ["API_TOKEN"]\n`,
    },
    {
      name: "after a docstring, a __future__ import and the other imports",
      file: "conf.py",
      code: `"""Settings."""\nfrom __future__ import annotations\n\nimport sys\n\nAPI_TOKEN = "${SECRET}"\n`,
      findings: [{ line: 6, column: 13 }],
      parses: true,
      output: `"""Settings."""\nfrom __future__ import annotations\n\nimport sys\nimport os\nfrom dotenv import load_dotenv\n\nload_dotenv()\n\nAPI_TOKEN = os.environ["API_TOKEN"]\n`,
    },
    {
      name: "after a shebang and an encoding comment",
      file: "conf.py",
      code: `#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\nAPI_TOKEN = "${SECRET}"\n`,
      findings: [{ line: 3, column: 13 }],
      parses: true,
      output: `#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\nimport os\nfrom dotenv import load_dotenv\n\nload_dotenv()\n\nAPI_TOKEN = os.environ["API_TOKEN"]\n`,
    },
    {
      name: "after a shebang, a docstring and a __future__ import",
      file: "conf.py",
      code: `#!/usr/bin/env python3\n"""Settings."""\nfrom __future__ import annotations\nAPI_TOKEN = "${SECRET}"\n`,
      findings: [{ line: 4, column: 13 }],
      parses: true,
      output: `#!/usr/bin/env python3\n"""Settings."""\nfrom __future__ import annotations\nimport os\nfrom dotenv import load_dotenv\n\nload_dotenv()\nAPI_TOKEN = os.environ["API_TOKEN"]\n`,
    },
  ],
});
