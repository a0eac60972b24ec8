/*
 * Bundles the Excel add-in (task pane, ribbon function file) and the browser demo.
 *
 *   taskpane.html  src/taskpane/index.tsx   office.js from Microsoft's CDN (not bundled)
 *   commands.html  src/commands/commands.ts office.js from Microsoft's CDN (the ribbon's function file)
 *   demo.html      src/demo/index.tsx       no office.js: the pane over the in-memory fake Excel (works offline)
 *
 * Production builds (`npm run build`) copy manifest.xml into dist/ with https://localhost:3000/
 * rewritten to ADDIN_BASE_URL (required there: a manifest that points at localhost is no use to
 * a municipality's PCs). The dev server serves https on 3000 for sideloading (`npm start`) and,
 * with env.demo, plain http on 3001 for the demo (`npm run serve:demo`).
 *
 * Options (webpack --env …): demo (dev server for the demo only), entries=taskpane,demo (subset).
 */
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_BASE_URL = 'https://localhost:3000/';
/**
 * The syntax level of every bundle: ES2020, which every webview the pane supports parses
 * (WebView2, Safari/WKWebView 14 and later, current browsers). Older webviews (EdgeHTML, IE11)
 * get the ES5 message of taskpane.html and commands.html instead. See docs/decisions.md.
 */
const BUNDLE_ECMA_VERSION = 2020;
const BUNDLE_TARGET = `es${BUNDLE_ECMA_VERSION}`;
/** Dependencies published above that level, transpiled down with the rest. */
const DOWNLEVEL_PACKAGES = /[\\/]node_modules[\\/]tabster[\\/]/;
// package.json's config.dev_server_port, as office-addin-debugging reads it (manifest.xml's URLs use 3000).
const DEV_PORT = Number(process.env.npm_package_config_dev_server_port) || 3000;
const DEMO_PORT = 3001;

/** The URL the production manifest points at, ending in "/". */
function productionBaseUrl() {
  const value = process.env.ADDIN_BASE_URL;
  if (!value) {
    throw new Error(
      'ADDIN_BASE_URL が設定されていません。アドインを置く https の URL を指定してください。\n' +
        '  例: ADDIN_BASE_URL=https://intranet.example.lg.jp/shinchoku/ npm run build\n' +
        '  (開発用に localhost のままビルドする場合: ADDIN_BASE_URL=https://localhost:3000/ npm run build)',
    );
  }
  if (!/^https:\/\//.test(value))
    throw new Error(`ADDIN_BASE_URL は https:// で始まる URL にしてください（現在: ${value}）。`);
  return value.endsWith('/') ? value : `${value}/`;
}

/** Rewrites every dev URL of the manifest (and the bare origin in AppDomains). */
function rewriteManifest(content, baseUrl) {
  const origin = new URL(baseUrl).origin;
  return content
    .toString()
    .replaceAll(DEV_BASE_URL, baseUrl)
    .replaceAll(`<AppDomain>${DEV_BASE_URL.replace(/\/$/, '')}</AppDomain>`, `<AppDomain>${origin}</AppDomain>`);
}

/** Dev https options: Office's trusted localhost certificate when office-addin-dev-certs is installed. */
async function devHttps() {
  try {
    // Installed on a developer's PC by `npx office-addin-dev-certs install` (see docs/excel-addin.md).
    const devCerts = require('office-addin-dev-certs');
    return { type: 'https', options: await devCerts.getHttpsServerOptions() };
  } catch {
    console.warn(
      'office-addin-dev-certs が見つからないため、自己署名証明書で https を提供します（Excel に信頼されない場合は `npx office-addin-dev-certs install` を実行してください）。',
    );
    return 'https';
  }
}

/** The ES5 check of the webview, inlined first into the add-in's pages (src/excel/unsupportedWebview.js). */
const WEBVIEW_CHECK = path.resolve(__dirname, 'src/excel/unsupportedWebview.js');
const CHECKED_PAGES = ['taskpane.html', 'commands.html'];

/** Puts the webview check into the head of the add-in's pages, before the (deferred) bundles. */
class WebviewCheckPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap('WebviewCheckPlugin', (compilation) => {
      compilation.fileDependencies.add(WEBVIEW_CHECK);
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('WebviewCheckPlugin', (data) => {
        if (!CHECKED_PAGES.includes(data.outputName)) return data;
        const code = require('node:fs').readFileSync(WEBVIEW_CHECK, 'utf8');
        data.headTags.unshift({ tagName: 'script', voidTag: false, attributes: {}, innerHTML: code, meta: {} });
        return data;
      });
    });
  }
}

const PAGES = {
  taskpane: { entry: './src/taskpane/index.tsx', template: './src/taskpane/taskpane.html' },
  commands: { entry: './src/commands/commands.ts', template: './src/commands/commands.html' },
  demo: { entry: './src/demo/index.tsx', template: './src/demo/demo.html' },
};

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const demoOnly = Boolean(env.demo);
  const names = env.entries ? String(env.entries).split(',') : demoOnly ? ['demo'] : Object.keys(PAGES);
  const baseUrl = production ? productionBaseUrl() : DEV_BASE_URL;
  const includesAddin = names.some((name) => name !== 'demo');

  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: Object.fromEntries(names.map((name) => [name, PAGES[name].entry])),
    output: {
      path: path.resolve(__dirname, env.outputPath || 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      // The demo's 「ブックをダウンロード」 bundles the ExcelJS port: exceljs resolves to its
      // browser build (package.json "browser"); the port's file functions are never called there.
      fallback: { buffer: require.resolve('buffer/'), 'fs/promises': false },
    },
    module: {
      rules: [
        {
          // The only ES2022 syntax of the dependencies (class static blocks, in Fluent's focus
          // manager), down-levelled to the bundles' level; tested by test/excel/bundleSyntax.test.ts.
          test: /\.js$/,
          include: DOWNLEVEL_PACKAGES,
          loader: 'ts-loader',
          options: {
            transpileOnly: true,
            configFile: path.resolve(__dirname, 'tsconfig.json'),
            compilerOptions: { allowJs: true, module: 'esnext', target: BUNDLE_TARGET, noEmit: false, sourceMap: true },
          },
        },
        {
          test: /\.tsx?$/,
          loader: 'ts-loader',
          exclude: /node_modules/,
          // Type checking is `npm run typecheck`'s job; the bundle only strips types (2-core CI).
          options: {
            transpileOnly: true,
            configFile: path.resolve(__dirname, 'tsconfig.json'),
            compilerOptions: { module: 'esnext', target: BUNDLE_TARGET, noEmit: false, sourceMap: true },
          },
        },
      ],
    },
    plugins: [
      // "node:fs/promises" (the ExcelJS port's open/save, unused in the browser) → the empty fallback above.
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, '');
      }),
      // JSZip and the ExcelJS port use Buffer; only modules that mention it get the polyfill.
      new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'] }),
      new WebviewCheckPlugin(),
      ...names.map(
        (name) =>
          new HtmlWebpackPlugin({
            filename: `${name}.html`,
            template: PAGES[name].template,
            chunks: [name],
            scriptLoading: 'defer',
          }),
      ),
      ...(includesAddin
        ? [
            new CopyWebpackPlugin({
              patterns: [
                { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
                { from: 'src/taskpane/help.html', to: 'help.html' },
                { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => rewriteManifest(content, baseUrl) },
              ],
            }),
          ]
        : []),
    ],
    performance: {
      // The demo's download chunk carries ExcelJS (~1 MB); measured in docs/decisions.md.
      maxAssetSize: 1_500_000,
      maxEntrypointSize: 1_500_000,
    },
    devServer: {
      port: demoOnly ? DEMO_PORT : DEV_PORT,
      host: 'localhost',
      server: demoOnly ? 'http' : await devHttps(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      liveReload: !demoOnly,
      client: demoOnly ? false : { overlay: { warnings: false } },
      open: false,
    },
  };
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.DEV_BASE_URL = DEV_BASE_URL;
module.exports.PAGES = PAGES;
module.exports.BUNDLE_ECMA_VERSION = BUNDLE_ECMA_VERSION;
module.exports.WEBVIEW_CHECK = WEBVIEW_CHECK;
