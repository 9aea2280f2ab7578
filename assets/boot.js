// Applies the saved theme and text size before the first paint, so a reader who chose
// 夜间 or a large size never sees a flash of the defaults while the app loads.
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
