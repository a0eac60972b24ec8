#!/usr/bin/env node
'use strict';
// Entry of the `shinchoku` CLI. The TypeScript sources are compiled to build/ by `npm run prepare`
// (run automatically by `npm ci`/`npm install`).
const path = require('path');
const fs = require('fs');
const main = path.join(__dirname, '..', 'build', 'src', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write(
    'shinchoku: CLI がビルドされていません。先に `npm ci` (または `npm run build:cli`) を実行してください。\n',
  );
  process.exit(2);
}
require(main)
  .run(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
