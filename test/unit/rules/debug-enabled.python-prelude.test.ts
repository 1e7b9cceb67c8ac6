import { ruleTester } from "../../helpers/ruleTester";

const SETTINGS = 'DEBUG = True\nALLOWED_HOSTS = ["*"]\nINSTALLED_APPS = ["django.contrib.admin"]\n';
const FIXED = SETTINGS.replace("True", 'os.environ.get("DJANGO_DEBUG") == "1"');

/** Where the quick-fix puts `import os` in a settings module without imports. */
ruleTester("debug-enabled", {
  valid: [],
  invalid: [
    {
      name: "after a from __future__ import",
      file: "shop/settings.py",
      code: `from __future__ import annotations\n\n${SETTINGS}`,
      findings: [{ line: 3, column: 1 }],
      parses: true,
      output: `from __future__ import annotations\nimport os\n\n${FIXED}`,
    },
    {
      name: "after a shebang and an encoding comment",
      file: "shop/settings.py",
      code: `#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n${SETTINGS}`,
      findings: [{ line: 3, column: 1 }],
      parses: true,
      output: `#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\nimport os\n${FIXED}`,
    },
    {
      name: "after a docstring that follows a comment",
      file: "shop/settings.py",
      code: `# Django settings.\n"""Shop settings."""\n${SETTINGS}`,
      findings: [{ line: 3, column: 1 }],
      parses: true,
      output: `# Django settings.\n"""Shop settings."""\n\nimport os\n${FIXED}`,
    },
  ],
});
