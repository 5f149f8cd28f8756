/*
 * A page that follows work in progress (a campaign's payment, a roster import) reloads itself every few seconds,
 * as [data-follow="SECONDS"] says, and offers a button to pause and resume that (WCAG 2.2.1: a time limit the
 * reader can stop); a <meta http-equiv="refresh"> would give them no say. Without this script the page's own
 * "refresh" link does the same by hand.
 */
(function () {
  'use strict';
  var status = document.querySelector('[data-follow]');
  if (!status) {
    return;
  }
  var seconds = Math.max(2, parseInt(status.getAttribute('data-follow'), 10) || 5);
  var button = status.querySelector('button[data-pause]');
  var timer = null;

  function schedule() {
    timer = window.setTimeout(function () { window.location.reload(); }, seconds * 1000);
  }

  if (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var paused = timer === null;
      if (paused) {
        schedule();
      } else {
        window.clearTimeout(timer);
        timer = null;
      }
      button.textContent = paused ? button.getAttribute('data-pause') : button.getAttribute('data-resume');
      button.setAttribute('aria-pressed', String(!paused));
    });
  }
  schedule();
}());
