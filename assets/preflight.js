// Preflight: a classic (non-module) script that runs before the app and, where this browser cannot run it,
// says so in Chinese at the top of the page, above and without hiding whatever the page already shows.
//
// It checks what the release build needs: module scripts, a WebAssembly that validates one tiny module per
// feature rustc's wasm32 target uses by default (`wasm-opt --detect-features` on the release wasm lists them),
// and that this page may compile wasm at all. The app itself starts later (assets/start.js), often at a tap.
// Then it keeps listening, because some engines pass these checks and still fail: a module script they cannot
// parse (SyntaxError), or a wasm they refuse to compile (CompileError, LinkError), as Chrome before 97 does
// under our CSP, which allows WebAssembly only through 'wasm-unsafe-eval'.
// ES5 on purpose: this has to run on the old engines it is looking for.
(function () {
  var MESSAGE =
    '您的微信或浏览器版本过旧，无法运行学习功能。请将微信更新到最新版本，或点右上角 ··· 选择「在浏览器中打开」。';
  var HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  var VOID = [0x60, 0x00, 0x00];

  // A module with one function of `type` (a functype's bytes) whose body is `body`, and a memory if asked.
  function moduleWith(type, body, memory) {
    var code = [0x00].concat(body, [0x0b]);
    return HEADER.concat(
      [0x01, type.length + 1, 0x01], type,
      [0x03, 0x02, 0x01, 0x00],
      memory ? [0x05, 0x03, 0x01, 0x00, 0x01] : [],
      [0x0a, code.length + 2, 0x01, code.length], code
    );
  }

  var FEATURES = [
    // memory.copy
    moduleWith(VOID, [0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xfc, 0x0a, 0x00, 0x00], true),
    // i32.extend8_s (sign-ext)
    moduleWith(VOID, [0x41, 0x00, 0xc0, 0x1a]),
    // i32.trunc_sat_f32_s (non-trapping float-to-int)
    moduleWith(VOID, [0x43, 0x00, 0x00, 0x00, 0x00, 0xfc, 0x00, 0x1a]),
    // a function taking and returning externref (reference types)
    moduleWith([0x60, 0x01, 0x6f, 0x01, 0x6f], [0x20, 0x00]),
    // a function returning two values (multi-value)
    moduleWith([0x60, 0x00, 0x02, 0x7f, 0x7f], [0x41, 0x00, 0x41, 0x00]),
    // an exported mutable global (mutable-globals)
    HEADER.concat([0x06, 0x06, 0x01, 0x7f, 0x01, 0x41, 0x00, 0x0b], [0x07, 0x05, 0x01, 0x01, 0x67, 0x03, 0x00])
  ];

  function canRunApp() {
    try {
      if (!('noModule' in document.createElement('script'))) return false;
      if (typeof WebAssembly !== 'object' || typeof WebAssembly.validate !== 'function') return false;
      if (!WebAssembly.validate(new Uint8Array(HEADER))) return false;
      for (var i = 0; i < FEATURES.length; i++) {
        if (!WebAssembly.validate(new Uint8Array(FEATURES[i]))) return false;
      }
      // Validating is not compiling: Chrome before 97 validates, then refuses to compile anything under our
      // CSP. Compiling the empty module tells, before the reader taps anything.
      new WebAssembly.Module(new Uint8Array(HEADER));
      return true;
    } catch (e) {
      return false;
    }
  }

  // Whether an uncaught error means this engine is too old for the app.
  function meansTooOld(error) {
    if (error instanceof SyntaxError) return true;
    return typeof WebAssembly === 'object' &&
      (error instanceof WebAssembly.CompileError || error instanceof WebAssembly.LinkError);
  }

  var shown = false;
  function showMessage() {
    if (shown) return;
    shown = true;
    var insert = function () {
      var box = document.createElement('div');
      box.className = 'preflight';
      box.setAttribute('role', 'alert');
      box.appendChild(document.createTextNode(MESSAGE));
      // Set through the CSSOM, which the CSP allows (a style attribute it would block), so the message
      // looks right whatever else failed to load.
      box.style.padding = '1rem';
      box.style.background = '#ffe58a';
      box.style.color = '#1f1f1f';
      box.style.fontSize = '1.125rem';
      box.style.lineHeight = '1.8';
      document.body.insertBefore(box, document.body.firstChild);
    };
    if (document.body) insert();
    else document.addEventListener('DOMContentLoaded', insert);
  }

  if (!canRunApp()) showMessage();
  window.addEventListener('error', function (event) {
    if (meansTooOld(event.error)) showMessage();
  });
  window.addEventListener('unhandledrejection', function (event) {
    if (meansTooOld(event.reason)) showMessage();
  });
})();
