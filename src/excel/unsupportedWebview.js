/*
 * Runs first in taskpane.html and commands.html (inlined by webpack.config.js), in ES5 so that
 * every webview parses it. The bundles are ES2020; a webview that cannot parse that (Internet
 * Explorer 11 or Microsoft Edge Legacy, which Office 2016/2019 and Microsoft 365 without WebView2
 * still use) would show a blank pane. Instead this says so in Japanese and points to the
 * command-line tool; the ribbon's 集計 button answers with the same message in a dialog.
 */
(function () {
  var probe = '"use strict"; var o = {}; return o?.a ?? async function () { for await (var x of []) {} };';
  try {
    new Function(probe)();
    return;
  } catch (error) {
    // A SyntaxError: this webview is older than ES2020 (kept for whoever looks into the page).
    window.shinchokuWebviewError = String(error);
  }
  var text =
    'この Excel では進捗集計の作業ウィンドウを表示できません（Internet Explorer 11 または Microsoft Edge レガシで表示しているため）。' +
    'Microsoft 365、Office 2021・2024、または Excel on the web でお使いください（Microsoft Edge WebView2 ランタイムを入れると使える場合があります）。' +
    'この PC では、コマンドライン版の shinchoku で同じ集計ができます（shinchoku aggregate ブック.xlsx --out 結果.xlsx）。';
  window.shinchokuUnsupportedWebview = text;
  function show() {
    var target = document.getElementById('root') || document.getElementById('message');
    if (!target) return;
    target.innerHTML = '';
    target.appendChild(document.createTextNode(text));
    target.setAttribute('role', 'alert');
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
  else show();
  // The ribbon's function file (not already the message dialog): answer 集計.
  var isFunctionFile = /commands\.html$/.test(location.pathname) && location.search.indexOf('message=') < 0;
  if (!isFunctionFile || typeof Office === 'undefined') return;
  function runAggregate(event) {
    var url = location.href.split('?')[0] + '?message=unsupported';
    Office.context.ui.displayDialogAsync(url, { height: 40, width: 40, displayInIframe: true }, function () {
      event.completed();
    });
  }
  // Older hosts call the manifest's FunctionName as a global function; newer ones use associate.
  window.runAggregate = runAggregate;
  Office.onReady(function () {
    if (Office.actions && Office.actions.associate) Office.actions.associate('runAggregate', runAggregate);
  });
})();
