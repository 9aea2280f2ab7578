// Starts the app (the Rust/wasm half) only when this page needs it, so a first visit costs what plain HTML
// costs: every page is prerendered and reads fully without it, and links are real files.
//
// The app starts
//   - at once for a reader who has used it here before (boot.js decides, and marks the page): something is
//     stored (progress, settings), so the page has that reader's state to show; or a service worker controls
//     the page, so the app comes from its cache without touching the network;
//   - otherwise at the reader's first touch (but not on a link, which opens another plain page), click, wheel or
//     key, or when the end of an item comes into view (the app then marks the item read);
//   - or, for a reader who stays, once the page has loaded, the reader has been on it for SETTLE_MS and the
//     browser is idle: its files are fetched at low priority, so on a slow phone the first tap finds the app
//     running instead of waiting for its download (about 1.4 s of the 1.8 s on a slow profile). A reader who
//     never taps pays the app's download (its brotli size, see scripts/bench.sh) after those seconds; one who
//     leaves sooner pays nothing.
// A tap on a button or other control made before the app is running is held, shown as waiting, and
// replayed once the app has hydrated; so is a key press the app has a shortcut for. If the app cannot be
// fetched (offline on a first visit), the reader is told, and the next touch tries again.
//
// The service worker is registered here, after the page has loaded, so offline use never waits for the
// app. `tools/src/precache/` replaces Trunk's eager loader (an inline module script plus preloads) with
// `<meta name="xuexi-app" data-js data-wasm>`; without that meta (a development build) this does nothing
// but Trunk's loader runs as usual.
(function () {
  // Written by precache.rs before the page's scripts, so it is there when this async script runs.
  var meta = document.querySelector('meta[name="xuexi-app"]');
  if (!meta) return;
  var INTENT_EVENTS = ['pointerdown', 'touchstart', 'keydown', 'wheel', 'focusin'];
  var CONTROLS = 'button, [role="button"], input, select, textarea, summary, label';
  var SHORTCUT_KEYS = { '/': 1, ArrowLeft: 1, ArrowRight: 1, Escape: 1 };
  var LOADING = '请稍等，正在准备…';
  // How long a reader stays on the page before the app starts without a touch. The end-to-end tests that check
  // what a touch does set window.xuexiSettleMs to an hour, so a slow test machine cannot start the app first.
  var SETTLE_MS = typeof window.xuexiSettleMs === 'number' ? window.xuexiSettleMs : 3000;
  var FAILED = '学习功能没能加载，请检查网络后再点一次。';

  var state = 'idle'; // idle → loading → ready, or loading → failed → loading …
  var heldClick = null;
  var heldKey = null;
  var status = null;

  function url(attribute) {
    return new URL(meta.getAttribute(attribute), document.baseURI).href;
  }

  function isReady() {
    return document.body && document.body.getAttribute('data-app') === 'ready';
  }

  var attempts = 0;
  function start(lowPriority) {
    if (state === 'loading' || state === 'ready') return;
    state = 'loading';
    attempts += 1;
    // The app reads the catalog and the route's page before it hydrates: asked for now, beside the app
    // (boot.js, which runs before this, knows which; it may have asked already).
    if (window.xuexiPreloadData) window.xuexiPreloadData();
    // Both files are asked for at once, side by side, and the wasm is compiled while the page is still
    // being parsed. A failed module fetch may be remembered by the browser: a retry asks under a new URL.
    var glue = import(url('data-js') + (attempts > 1 ? '?retry=' + attempts : ''));
    // A returning reader's wasm: boot.js has been compiling it since the page began to load.
    var early = window.xuexiWasm;
    window.xuexiWasm = null;
    var wasm = early
      ? early.catch(function () { return compile(url('data-wasm'), false); })
      : compile(url('data-wasm'), lowPriority === true);
    glue.catch(function () {}); // handled below, once the page is parsed
    wasm.catch(function () {});
    // The app hydrates the whole page, so it runs once the page has been parsed.
    onDomReady(function () {
      glue
        .then(function (module) { return module.default({ module_or_path: wasm }); })
        .catch(function (error) {
          state = 'failed';
          var network = error instanceof TypeError;
          if (network && (heldClick || heldKey)) say(FAILED, true);
          else if (status) status.hidden = true;
          release();
          // A module or wasm this engine cannot handle is preflight.js's to explain.
          if (!network) setTimeout(function () { throw error; });
        });
    });
  }

  // The compiled module; a network failure rejects with a TypeError, a refused compile with a CompileError.
  function compile(wasmUrl, lowPriority) {
    return fetch(wasmUrl, lowPriority ? { priority: 'low' } : {}).then(function (response) {
      if (!response.ok) throw new TypeError(wasmUrl + ': HTTP ' + response.status);
      var type = response.headers.get('Content-Type') || '';
      if (WebAssembly.compileStreaming && type.indexOf('application/wasm') === 0) {
        return WebAssembly.compileStreaming(response);
      }
      return response.arrayBuffer().then(function (bytes) { return WebAssembly.compile(bytes); });
    });
  }

  function whenReady(callback) {
    if (isReady()) return callback();
    var observer = new MutationObserver(function () {
      if (!isReady()) return;
      observer.disconnect();
      callback();
    });
    observer.observe(document.body, { attributes: true, attributeFilter: ['data-app'] });
  }

  function stopListening() {
    INTENT_EVENTS.forEach(function (type) { document.removeEventListener(type, onIntent, true); });
    document.removeEventListener('click', onClick, true);
  }

  function onReady() {
    state = 'ready';
    stopListening();
    var click = heldClick;
    var key = heldKey;
    release();
    if (status) status.hidden = true;
    if (click && click.isConnected) click.click();
    if (key) {
      var target = key.target && key.target.isConnected ? key.target : document.body;
      target.dispatchEvent(new KeyboardEvent('keydown', {
        key: key.key, code: key.code, shiftKey: key.shiftKey, bubbles: true, cancelable: true
      }));
    }
  }

  function release() {
    if (heldClick) heldClick.removeAttribute('aria-busy');
    heldClick = null;
    heldKey = null;
    document.documentElement.classList.remove('app-waiting');
  }

  // A polite note at the bottom of the screen while a held tap waits, or why it failed.
  function say(text, failed) {
    if (!status) {
      status = document.createElement('div');
      status.className = 'app-status';
      status.setAttribute('role', 'status');
      document.body.appendChild(status);
    }
    status.textContent = text;
    status.classList.toggle('failed', !!failed);
    status.hidden = false;
  }

  function hold() {
    document.documentElement.classList.add('app-waiting');
    say(LOADING, false);
  }

  function onIntent(event) {
    if (state === 'ready') return;
    // A touch on a link (and the focus a click gives it) leads to another page, which is plain HTML too:
    // nothing to start here.
    var onLink = event.target instanceof Element && event.target.closest('a[href]');
    if (onLink && event.type !== 'keydown' && event.type !== 'wheel') return;
    if (event.type === 'keydown' && SHORTCUT_KEYS[event.key] && !event.ctrlKey && !event.metaKey && !event.altKey) {
      var typing = event.target && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
      if (!typing) {
        if (event.key === '/') event.preventDefault();
        heldKey = { key: event.key, code: event.code, shiftKey: event.shiftKey, target: event.target };
        hold();
      }
    }
    start();
  }

  function onClick(event) {
    if (state === 'ready' || !(event.target instanceof Element)) return;
    var control = event.target.closest(CONTROLS);
    var app = document.getElementById('app');
    if (!control || !app || !app.contains(control)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (heldClick) heldClick.removeAttribute('aria-busy');
    heldClick = control;
    control.setAttribute('aria-busy', 'true');
    hold();
    start();
  }

  function watchItemEnd() {
    var end = document.querySelector('[data-start-app-when-seen]');
    if (!end || !('IntersectionObserver' in window)) return;
    var observer = new IntersectionObserver(function (entries) {
      if (!entries.some(function (entry) { return entry.isIntersecting; })) return;
      observer.disconnect();
      start();
    });
    observer.observe(end);
  }

  // Starts the app, at low priority, once the reader has stayed SETTLE_MS on a loaded page in front of them and the
  // browser has a quiet moment; a hidden tab waits until it is shown again.
  function startWhenSettled() {
    var idle = window.requestIdleCallback || function (callback) { return setTimeout(callback, 0); };
    function settled() {
      if (state !== 'idle') return;
      if (document.visibilityState === 'hidden') {
        document.addEventListener('visibilitychange', function shown() {
          if (document.visibilityState === 'hidden') return;
          document.removeEventListener('visibilitychange', shown);
          setTimeout(settled, SETTLE_MS);
        });
        return;
      }
      idle(function () { if (state === 'idle') start(true); }, { timeout: 2000 });
    }
    setTimeout(settled, SETTLE_MS);
  }

  function registerServiceWorker() {
    var version = document.querySelector('meta[name="xuexi-version"]');
    if (!('serviceWorker' in navigator) || !version || !version.content) return;
    navigator.serviceWorker.register(new URL('sw.js', document.baseURI).href).catch(function () {
      // No offline copy this time (private mode, a webview without workers); the app says nothing either.
    });
  }

  INTENT_EVENTS.forEach(function (type) {
    // Passive, so scrolling never waits for this; only a key press may be held back.
    document.addEventListener(type, onIntent, { capture: true, passive: type !== 'keydown' });
  });
  document.addEventListener('click', onClick, true);
  // What the reader did before this script ran (boot.js kept it): acted on as if seen here.
  var early = window.xuexiEarly || [];
  window.xuexiEarly = null;
  early.forEach(function (event) {
    if (event.type === 'click') onClick(event);
    else onIntent(event);
  });
  // boot.js marks the page of a returning reader (and has already asked for the app's files).
  if (document.documentElement.getAttribute('data-app-start') === 'now') start();
  onDomReady(function () {
    whenReady(onReady);
    if (state === 'idle') watchItemEnd();
  });
  // The service worker is registered after the page has loaded, so its downloads never compete with the page's.
  function onLoad() {
    registerServiceWorker();
    startWhenSettled();
  }
  if (document.readyState === 'complete') onLoad();
  else window.addEventListener('load', onLoad);

  function onDomReady(callback) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', callback);
    else callback();
  }
})();
