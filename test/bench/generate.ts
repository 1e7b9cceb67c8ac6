/** Realistic 2,000-line service files for the benchmarks. */

export function pythonService(lines = 2000): string {
  const out = [
    "import os",
    "import json",
    "from flask import Flask, request, jsonify",
    "",
    "app = Flask(__name__)",
    "CARTS = {}",
    "",
  ];
  let i = 0;
  while (out.length < lines - 3) {
    out.push(
      `@app.route("/items/${i}", methods=["POST"])`,
      `def handler_${i}():`,
      `    payload = request.get_json() or {}`,
      `    user = payload.get("user", "anonymous")`,
      `    CARTS.setdefault(user, []).append(${i})`,
      `    timeout = int(os.environ.get("TIMEOUT_${i % 7}", "30"))`,
      `    return jsonify({"ok": True, "count": len(CARTS[user]), "timeout": timeout})`,
      "",
    );
    i++;
  }
  out.push(
    'if __name__ == "__main__":',
    '    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "8000")))',
    "",
  );
  return out.join("\n");
}

export function typescriptService(lines = 2000): string {
  const out = [
    'import express from "express";',
    "",
    "const app = express();",
    "const carts = new Map<string, number[]>();",
    "",
  ];
  let i = 0;
  while (out.length < lines - 3) {
    out.push(
      `app.post("/items/${i}", (req, res) => {`,
      `  const user = String(req.query.user ?? "anonymous");`,
      `  const cart = carts.get(user) ?? [];`,
      `  cart.push(${i});`,
      `  carts.set(user, cart);`,
      `  res.json({ ok: true, count: cart.length, timeout: Number(process.env.TIMEOUT_${i % 7} ?? 30) });`,
      "});",
      "",
    );
    i++;
  }
  out.push("const port = Number(process.env.PORT ?? 3000);", 'app.listen(port, "0.0.0.0");', "");
  return out.join("\n");
}
