import { ruleTester } from "../../helpers/ruleTester";

/** Translation files label secrets; they do not hold them. */
ruleTester("secret-hardcoded", {
  valid: [
    {
      name: "German YAML catalogue under locales/",
      file: "locales/de.yaml",
      code: "login:\n  password_confirm: Passwort bestätigen\n  api_key: API-Schlüssel\n  token: Zugriffstoken\n",
    },
    {
      name: "English JSON catalogue under locales/",
      file: "locales/en.json",
      code: '{\n  "secret": "Keep this secret",\n  "api_key": "API-Key",\n  "password": "Password"\n}\n',
    },
    {
      name: "i18n folder with a single-word label",
      file: "src/i18n/fr.json",
      code: '{ "auth": { "token": "Jeton-d\'accès" } }\n',
    },
    {
      name: "translations folder in YAML",
      file: "config/translations/messages.es.yml",
      code: "password: Contraseña\nsecret_key: Clave-secreta\n",
    },
    {
      name: "a sentence is not a secret in any file",
      file: "config/app.json",
      code: '{ "ui": { "secret": "Keep this secret" } }\n',
    },
    {
      name: "a catalogue of sentences outside a locales folder",
      file: "messages/en.json",
      code: '{\n  "title": "Sign in to your account",\n  "hint": "Use at least twelve characters",\n  "help": "Forgot your password?",\n  "password": "Passwort",\n  "submit": "Sign in now"\n}\n',
    },
  ],
  invalid: [
    {
      name: "a real password in JSON next to sentences is still found",
      file: "config/app.json",
      code: '{ "title": "Sign in to your account", "password": "k9#Tq2vLm8xR" }\n',
      findings: [{ line: 1, column: 51 }],
    },
  ],
});
