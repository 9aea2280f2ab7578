// Runs before the first paint: applies the saved theme and text size, so a reader who chose
// 夜间 or a large size never sees a flash of the defaults; and inside WeChat keeps WeChat's
// own font setting from scaling the layout.
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
