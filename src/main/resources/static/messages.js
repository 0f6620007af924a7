// The static pages (sign-in, not-for-your-role) read the message catalogue too: the same
// GET /api/messages as the inbox and the dashboard, in the language chosen there (kept in this
// browser) or the browser's. Elements with data-i18n get the key's text once it has arrived; the
// English in the page shows until then and when the catalogue cannot be read.
(function () {
  var texts = {};
  var chosen = null;
  try { chosen = localStorage.getItem('lead-handoff.language'); } catch (e) { /* private mode */ }
  var asked = new URLSearchParams(location.search).get('lang') || chosen ||
    (navigator.languages || [navigator.language]).join(',');
  window.leadHandoffText = function (key, values, fallback) {
    var text = texts[key];
    if (text === undefined) return fallback;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split('{{' + name + '}}').join(String(values[name]));
    });
    return text;
  };
  window.leadHandoffMessages = fetch('/api/messages?lang=' + encodeURIComponent(asked), {
    headers: { Accept: 'application/json' },
  })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (data) {
      if (!data) return;
      texts = data.messages;
      document.documentElement.lang = data.language;
      document.querySelectorAll('[data-i18n]').forEach(function (node) {
        var text = texts[node.getAttribute('data-i18n')];
        if (text !== undefined) node.textContent = text;
      });
    })
    .catch(function () { /* the English in the page stays */ });
})();
