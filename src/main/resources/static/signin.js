// The sign-in page: the CSRF token of the XSRF-TOKEN cookie goes with the form, and the query
// string says why the page is shown again (a wrong password, a lock, a sign-out).
(function () {
  var cookie = document.cookie.split('; ').find(function (c) { return c.indexOf('XSRF-TOKEN=') === 0; });
  document.getElementById('csrf').value = cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
  // A mail's link (/inbox/#/leads/…) comes here with its place after the '#', which the sign-in
  // form cannot carry; the page that opens after sign-in goes there.
  if (location.hash.length > 1) {
    try { sessionStorage.setItem('lead-handoff.after-sign-in', location.hash); } catch (e) { /* private mode */ }
  }
  var query = new URLSearchParams(location.search);
  document.getElementById('signed-out').hidden = !query.has('logout');
  document.getElementById('wrong').hidden = !query.has('error');
  var left = parseInt(query.get('left'), 10);
  if (left > 0) {
    var warning = document.getElementById('last-tries');
    var lockMinutes = Math.max(1, parseInt(query.get('lockMinutes'), 10) || 15);
    var warn = function () {
      warning.textContent = window.leadHandoffText(left === 1 ? 'signin.lastTry_one' : 'signin.lastTry_other',
        { count: left, minutes: lockMinutes },
        (left === 1 ? 'One more wrong password locks' : left + ' more wrong passwords lock') +
          ' signing in for ' + lockMinutes + ' minutes.');
    };
    warn();
    window.leadHandoffMessages.then(warn);
    warning.hidden = false;
  }
  var locked = query.get('locked');
  if (locked) {
    var box = document.getElementById('locked');
    var minutes = Math.max(1, parseInt(locked, 10) || 1);
    var show = function () {
      box.textContent = window.leadHandoffText(minutes === 1 ? 'signin.locked_one' : 'signin.locked_other',
        { count: minutes },
        'Too many wrong passwords: signing in is refused for ' + minutes +
          (minutes === 1 ? ' minute' : ' minutes') + '. Ask an admin if you have forgotten the password.');
    };
    show();
    window.leadHandoffMessages.then(show);
    box.hidden = false;
  }
})();
