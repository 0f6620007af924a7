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
      // A language asked for in the address stays after a wrong password sends the page back.
      if (new URLSearchParams(location.search).get('lang')) {
        try { localStorage.setItem('lead-handoff.language', data.language); } catch (e) { /* private mode */ }
      }
      var slot = document.getElementById('language-slot');
      if (slot && data.languages && data.languages.length > 1) {
        var menu = document.createElement('select');
        menu.className = 'language';
        menu.setAttribute('aria-label', texts['common.language'] || 'Language');
        menu.setAttribute('data-testid', 'language');
        data.languages.forEach(function (l) {
          var option = document.createElement('option');
          option.value = l.code;
          option.textContent = l.name;
          option.selected = l.code === data.language;
          menu.appendChild(option);
        });
        menu.addEventListener('change', function () {
          try { localStorage.setItem('lead-handoff.language', menu.value); } catch (e) { /* private mode */ }
          var url = new URL(location.href);
          url.searchParams.set('lang', menu.value);
          location.replace(url.toString());
        });
        slot.replaceChildren(menu);
      }
      document.querySelectorAll('[data-i18n]').forEach(function (node) {
        var text = texts[node.getAttribute('data-i18n')];
        if (text !== undefined) node.textContent = text;
      });
    })
    .catch(function () { /* the English in the page stays */ });
})();
