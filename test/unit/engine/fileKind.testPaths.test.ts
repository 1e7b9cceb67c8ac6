import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isTestPath } from "../../../server/src/engine/fileKind";

describe("isTestPath", () => {
  const tests = [
    "tests/test_app.py",
    "src/__tests__/app.ts",
    "src/app.test.ts",
    "cypress/e2e/login.cy.ts",
    "cypress/support/commands.js",
    "web/login.cy.js",
    "e2e/checkout.e2e.ts",
    "test-e2e/app.e2e-spec.ts",
    "spec/models/user_spec.js",
    "lib/user_spec.rb",
    "src/__mocks__/redis.ts",
    "src/Button.stories.tsx",
    "src/Button.stories.mdx",
    "testing/conftest_helpers.py",
    "C:\\repo\\cypress\\e2e\\a.cy.ts",
  ];
  const production = [
    "src/app.ts",
    "src/specification.ts",
    "src/spectrum/index.js",
    "src/e2eRunner.ts",
    "src/stories/feed.ts",
    "src/storiesApi.ts",
    "server/contest.py",
    "src/testingLibrary.ts",
    "src/mocks.ts",
  ];

  for (const file of tests) {
    it(`a test or fixture file: ${file}`, () => assert.equal(isTestPath(file), true));
  }
  for (const file of production) {
    it(`a production file: ${file}`, () => assert.equal(isTestPath(file), false));
  }
});
