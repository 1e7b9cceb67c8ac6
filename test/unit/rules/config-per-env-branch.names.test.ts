import { ruleTester } from "../../helpers/ruleTester";

/** Environment words inside ordinary names of code are not per-environment settings. */
ruleTester("config-per-env-branch", {
  valid: [
    {
      name: "Python: a standard deviation",
      file: "stats.py",
      code: "import statistics\n\nstd_dev = statistics.stdev(v)\n",
    },
    { name: "Python: a product id", file: "shop.py", code: 'prod_id = p["id"]\n' },
    { name: "Python: a training stage", file: "train.py", code: 'training_stage = "warmup"\n' },
    {
      name: "Python: a product URL built from data",
      file: "links.py",
      code: 'prod_url = f"/products/{slug}"\n',
    },
    {
      name: "webpack dev server options",
      file: "webpack.config.js",
      code: "const devServer = {port: 8080};\nmodule.exports = { devServer };\n",
    },
    { name: "a workflow stage", file: "src/flow.ts", code: "const nextStage = 'review';\n" },
    {
      name: "a setting word without an environment-specific literal",
      file: "src/hosts.ts",
      code: "const prodHosts = hosts.filter((h) => h.live);\n",
    },
  ],
  invalid: [
    {
      name: "Python: a per-environment host literal",
      file: "settings.py",
      code: 'PROD_DB_HOST = "db.prod.internal"\n',
      findings: [{ line: 1, column: 1 }],
    },
    {
      name: "TypeScript: a per-environment key read from the environment",
      file: "src/keys.ts",
      code: "const stripeKeyStaging = process.env.STRIPE_KEY!;\n",
      findings: [{ line: 1, column: 7 }],
    },
  ],
});
