// Applies the saved reading preferences to <html> before the first paint.
// Loaded as a tiny blocking external script in <head> (no inline script, so a strict
// CSP needs no hash). It only copies the class list that src/reading/preferences.ts
// saved; all logic lives there. Keep this file ES5-small and dependency-free.
(function () {
  var root = document.documentElement;
  root.classList.add('js');
  try {
    var saved = JSON.parse(localStorage.getItem('archive-reading-prefs') || 'null');
    var classes = saved && saved.classes;
    if (!Array.isArray(classes)) return;
    for (var i = 0; i < classes.length; i++) {
      if (/^[a-z][a-z-]{0,30}$/.test(classes[i])) root.classList.add(classes[i]);
    }
  } catch (e) {
    // Blocked or corrupt storage: the default view is already readable.
  }
})();
