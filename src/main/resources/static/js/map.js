/*
 * A case's map wider than the screen (a phone) opens scrolled to the step the case waits at, rather than at the
 * diagram's left edge. Without this script the map still scrolls by hand.
 */
(function () {
  'use strict';
  document.querySelectorAll('.map-scroll').forEach(function (scroller) {
    var current = scroller.querySelector('.pm-shape.current:not(.subprocess):not(.event-subprocess)');
    if (!current || scroller.scrollWidth <= scroller.clientWidth) {
      return;
    }
    var box = current.getBoundingClientRect();
    var frame = scroller.getBoundingClientRect();
    scroller.scrollLeft += box.left - frame.left - (scroller.clientWidth - box.width) / 2;
  });
}());
