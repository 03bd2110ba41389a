#!/usr/bin/env node
// Runs the CLI's TypeScript through tsx, so `npx memattr` works right after `npm install`.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
