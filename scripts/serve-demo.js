#!/usr/bin/env node
/*
 * `npm run serve:demo`: serves demo mode (the task pane over the in-memory fake Excel) over plain
 * http on localhost and prints its URL once the first build is ready. PORT overrides 3001.
 */
'use strict';
const webpack = require('webpack');
const WebpackDevServer = require('webpack-dev-server');
const makeConfig = require('../webpack.config.js');

async function main() {
  const config = { ...(await makeConfig({ demo: true }, { mode: 'development' })), stats: 'errors-warnings' };
  const port = Number(process.env.PORT || config.devServer.port);
  const compiler = webpack(config);
  let announced = false;
  compiler.hooks.done.tap('serve-demo', (stats) => {
    if (stats.hasErrors()) {
      console.error(stats.toString({ colors: false, all: false, errors: true }));
      return;
    }
    if (announced) return;
    announced = true;
    console.log(
      `\nデモ: http://localhost:${port}/demo.html\n（Excel なしで作業ウィンドウを試せます。止めるには Ctrl+C）`,
    );
  });
  const server = new WebpackDevServer({ ...config.devServer, port }, compiler);
  await server.start();
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
