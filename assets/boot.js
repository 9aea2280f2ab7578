// Runs before the first paint. Marks what this browser has, so parts shown only here take their place from the
// first paint and the text never moves when the app starts: `data-speech` (it can read aloud: 朗读) and
// `data-wechat` (WeChat's in-app browser: how to share and install from its menu); app.css shows those parts.
(function () {
  var root = document.documentElement;
  if ('speechSynthesis' in window && window.speechSynthesis) root.setAttribute('data-speech', '');
  if (/MicroMessenger/i.test(navigator.userAgent)) root.setAttribute('data-wechat', '');
})();

// Runs before the first paint: applies the saved theme and text size, so a reader who chose
// 夜间 or a large size never sees a flash of the defaults; inside WeChat keeps WeChat's own
// font setting from scaling the layout; and for a returning reader starts fetching the app.
(function () {
  try {
    var saved = JSON.parse(localStorage.getItem('xuexi.progress') || 'null');
    var settings = saved && saved.progress && saved.progress.settings;
    if (!settings) return;
    var themes = { light: 1, dark: 1, sepia: 1 };
    if (themes[settings.theme]) document.documentElement.setAttribute('data-theme', settings.theme);
    var percents = [100, 115, 130, 150, 175, 200];
    var step = percents[settings.font_step];
    if (step) document.documentElement.style.setProperty('--font-scale', String(step / 100));
  } catch (e) {
    // Unreadable settings: the app itself reports them once it loads.
  }
})();

// Inside WeChat on Android the reader's WeChat font setting would scale every page and
// break the layout; the app has its own text sizes (字号), so WeChat's is set back to
// standard, now and whenever the reader changes it from WeChat's menu.
(function () {
  function keepStandardFontSize() {
    var bridge = window.WeixinJSBridge;
    bridge.invoke('setFontSizeCallback', { fontSize: 0 });
    bridge.on('menu:setfont', function () {
      bridge.invoke('setFontSizeCallback', { fontSize: 0 });
    });
  }
  if (typeof window.WeixinJSBridge === 'object' && typeof window.WeixinJSBridge.invoke === 'function') {
    keepStandardFontSize();
  } else {
    document.addEventListener('WeixinJSBridgeReady', keepStandardFontSize, false);
  }
})();

// A reader who has used the app here before gets it at once: something is stored, or a service worker
// controls the page (and has the app cached). This marks the page for assets/start.js, asks for the app's files
// and data now rather than when start.js runs (start.js's own requests then find them), and compiles the wasm as it
// arrives.
(function () {
  var meta = document.querySelector('meta[name="xuexi-app"]');
  if (!meta) return;
  // The data the app reads before it hydrates: this build's catalog and the route's page (its
  // <meta name="xuexi-data">), as preloads the app's own fetches then find. Asked for here for a returning reader,
  // and by start.js when it starts the app on a first visit; once either way.
  var dataPreloaded = false;
  window.xuexiPreloadData = function () {
    if (dataPreloaded) return;
    dataPreloaded = true;
    var version = document.querySelector('meta[name="xuexi-version"]');
    var data = document.querySelector('meta[name="xuexi-data"]');
    var urls = ['data/catalog.json?v=' + (version ? version.content : '')];
    if (data && data.content) urls = urls.concat(data.content.split(' '));
    urls.forEach(function (href) {
      var link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'fetch';
      link.crossOrigin = 'anonymous';
      link.href = href;
      document.head.appendChild(link);
    });
  };
  var stored = false;
  try {
    stored = localStorage.getItem('xuexi.progress') !== null || localStorage.getItem('xuexi.progress.backup') !== null;
    // A link the app followed by loading the page (inside WeChat on iOS): the app ran in this tab a moment ago.
    stored = stored || sessionStorage.getItem('xuexi.app-started') !== null;
  } catch (e) {
    // Storage blocked: nothing stored to show.
  }
  var controlled = 'serviceWorker' in navigator && !!navigator.serviceWorker.controller;
  if (!stored && !controlled) return;
  document.documentElement.setAttribute('data-app-start', 'now');
  var glue = document.createElement('link');
  glue.rel = 'modulepreload';
  glue.href = meta.getAttribute('data-js');
  document.head.appendChild(glue);
  // The wasm is compiled as it arrives, while the page is laid out and painted; start.js takes the compiled module
  // (window.xuexiWasm), or fetches it itself if this failed.
  if (window.WebAssembly && WebAssembly.compileStreaming) {
    window.xuexiWasm = WebAssembly.compileStreaming(fetch(meta.getAttribute('data-wasm')));
    window.xuexiWasm.catch(function () {});
  } else {
    var wasm = document.createElement('link');
    wasm.rel = 'preload';
    wasm.as = 'fetch';
    wasm.type = 'application/wasm';
    wasm.crossOrigin = 'anonymous';
    wasm.href = meta.getAttribute('data-wasm');
    document.head.appendChild(wasm);
  }
  window.xuexiPreloadData();
})();

// What the page needs only after its first paint: its other scripts (start.js, preflight.js), which the precache step
// names in <meta name="xuexi-scripts"> instead of <script src>, and the manifest (<meta name="xuexi-manifest">;
// linked at once, the browser's install check would fetch it and its icon as the page loads). Asked for once the
// first paint is on screen, so nothing but the page itself comes before its first (and largest) paint; in a
// background tab, where frames wait, after a second at the latest. A returning reader (marked above) gets start.js at
// once: the app's files are on their way already, and it starts while the page paints. A touch, click, wheel or key
// before start.js runs asks for them at once and is kept in window.xuexiEarly for start.js to act on, as if it had
// seen it (a tap on a control is held back, as start.js holds it).
(function () {
  var meta = document.querySelector('meta[name="xuexi-scripts"]');
  if (!meta) return;
  var added = {};
  function addScripts(which) {
    meta.getAttribute('content').split(' ').forEach(function (src) {
      if (added[src] || !which(src)) return;
      added[src] = true;
      var script = document.createElement('script');
      script.src = src;
      document.head.appendChild(script);
    });
  }
  if (document.documentElement.getAttribute('data-app-start') === 'now') {
    addScripts(function (src) { return /(^|\/)start-[^/]*\.js$/.test(src); });
  }
  var loaded = false;
  function load() {
    if (loaded) return;
    loaded = true;
    addScripts(function () { return true; });
    var manifest = document.querySelector('meta[name="xuexi-manifest"]');
    if (manifest) {
      var link = document.createElement('link');
      link.rel = 'manifest';
      link.href = manifest.getAttribute('content');
      document.head.appendChild(link);
    }
  }
  var early = [];
  window.xuexiEarly = early;
  var types = ['pointerdown', 'touchstart', 'keydown', 'wheel', 'focusin', 'click'];
  function onEarly(event) {
    if (window.xuexiEarly !== early) {
      types.forEach(function (type) { document.removeEventListener(type, onEarly, true); });
      return;
    }
    if (event.type === 'click' || (event.type === 'keydown' && event.key === '/')) {
      var control = event.target instanceof Element && event.target.closest('button, [role="button"], input, select, textarea, summary, label');
      var app = document.getElementById('app');
      if (event.type === 'keydown' || (control && app && app.contains(control))) {
        event.preventDefault();
        if (event.type === 'click') event.stopImmediatePropagation();
      }
    }
    early.push(event);
    load();
  }
  types.forEach(function (type) {
    document.addEventListener(type, onEarly, { capture: true, passive: type !== 'keydown' && type !== 'click' });
  });
  // The paint timing entry arrives once the frame is on screen; a requestAnimationFrame callback runs before the
  // frame is drawn, so it is only the fallback where paint timing is missing.
  var paints = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
  if (paints && paints.indexOf('paint') >= 0) {
    new PerformanceObserver(function (list, observer) {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      observer.disconnect();
      setTimeout(load, 0);
    }).observe({ type: 'paint', buffered: true });
  } else {
    requestAnimationFrame(function () {
      setTimeout(load, 0);
    });
  }
  setTimeout(load, 1000);
})();
