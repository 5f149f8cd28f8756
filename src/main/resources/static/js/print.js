/*
 * The print button of a sheet's page: hidden without a script (the browser's own print does the same), shown and
 * wired here.
 */
(function () {
  'use strict';
  var button = document.querySelector('button[data-print]');
  if (!button) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
}());
