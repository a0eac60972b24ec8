// Lints probe texts with the project's ESLint config, outside jest (ESLint loads its config with a
// dynamic import, which jest's module sandbox does not allow). Reads [{ file, code }] as JSON on
// stdin (file: a repository path; "*" lints the real tree instead) and prints the error messages
// per probe as JSON.
'use strict';
const path = require('node:path');
const { ESLint } = require('eslint');

async function main() {
  const root = path.resolve(__dirname, '../..');
  const eslint = new ESLint({ cwd: root });
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const probes = JSON.parse(input);
  const answers = [];
  for (const probe of probes) {
    const results =
      probe.file === '*'
        ? await eslint.lintFiles(probe.code.split(' '))
        : await eslint.lintText(probe.code, { filePath: path.join(root, probe.file) });
    answers.push(
      results.flatMap((result) =>
        result.messages
          .filter((message) => message.severity === 2)
          .map((message) => `${path.relative(root, result.filePath)}:${message.line} ${message.message}`),
      ),
    );
  }
  process.stdout.write(JSON.stringify(answers));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
