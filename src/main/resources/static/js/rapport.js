// Progressive enhancements only: every page works without this file.
(function () {
  'use strict';
  // htmx requests carry the CSRF token Spring Security expects.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });
  // Let htmx swap error answers (problem fragments) instead of dropping them.
  document.addEventListener('htmx:beforeSwap', function (event) {
    if (event.detail.xhr.status >= 400 && event.detail.xhr.getResponseHeader('HX-Retarget')) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();
// Forms that destroy something ask first (data-confirm holds the question in the page's language).
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
