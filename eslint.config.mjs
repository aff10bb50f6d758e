import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores([
    "lib/generated/**",
    ".next*/**",
    "node_modules/**",
    "next-env.d.ts",
    "bench/results/**",
    "test-results/**",
    "playwright-report/**",
    "prisma/**/migrations*/**",
  ]),
  // Next.js's rules (React, hooks including the React Compiler's, accessibility, imports), with
  // the ones that affect Core Web Vitals as errors.
  ...nextVitals,
  // Type-aware: it catches what only the types show (an unhandled promise, an async function
  // handed to an event handler, an `any` leaking out of a parse). It reads the types through
  // the TypeScript 6 API (`typescript` in package.json); `tsc` is TypeScript 7, which has none.
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    rules: {
      // A leading underscore marks what is left out on purpose: `{ stamp: _, ...head }` drops a
      // field, `for await (const _ of …)` only drains.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  // tsconfig.json leaves JavaScript out (`allowJs: false`), so these files have no types to read.
  { files: ["**/*.{js,mjs,cjs}"], extends: [tseslint.configs.disableTypeChecked] },
]);
